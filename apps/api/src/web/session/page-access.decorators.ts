import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_FILE_BYTES } from '@app/ingest';
import type { Role } from '@app/persistence';
import { UploadCsrfInterceptor } from './upload-csrf.interceptor';

export const ANONYMOUS_PAGE = 'web:anonymous';
export const PAGE_ROLES = 'web:roles';
export const UPLOAD_FORM = 'web:upload';

/** Reachable without signing in (the sign-in page, the password pages). */
export const AnonymousPage = () => SetMetadata(ANONYMOUS_PAGE, true);

/** Who may open a page or send a form; without it every signed-in role may. */
export const PageRoles = (...roles: Role[]) => SetMetadata(PAGE_ROLES, roles);

/**
 * A multipart form with one file. Its fields, the CSRF token among them, are read only after
 * the upload is parsed, so the token is checked by an interceptor after the file interceptor
 * instead of by the page guard; the guard refuses any other multipart POST.
 */
export const UploadForm = (field: string) =>
  applyDecorators(
    SetMetadata(UPLOAD_FORM, true),
    UseInterceptors(
      FileInterceptor(field, { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }),
      UploadCsrfInterceptor,
    ),
  );
