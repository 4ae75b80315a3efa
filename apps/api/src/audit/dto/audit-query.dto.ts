import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { AUDIT_ENTITIES } from '@app/audit';
import { PageField, PageSizeField } from '@app/tracking';

/** Entities whose ids are numbers (a meeting's is its session number). */
const NUMBERED = new Set<string>([
  'api_token',
  'import',
  'link',
  'mandate',
  'meeting',
  'obligation',
  'user',
]);

/** The entity an action is about, by the action's first word ("obligation.status"). */
const ACTION_ENTITY: Record<string, string> = {
  auth: 'user',
  import: 'import',
  job: 'job',
  link: 'link',
  mandate: 'mandate',
  meeting: 'meeting',
  obligation: 'obligation',
  registry: 'member',
  token: 'api_token',
  user: 'user',
};

function entityOf(query: AuditQuery): string | undefined {
  if (query.entity) return query.entity;
  if (query.action === undefined) return undefined;
  const prefix = query.action.split('.')[0];
  return ACTION_ENTITY[prefix] ?? 'any';
}

/**
 * An id means something only with its entity (given, or read from the action); numbered entities
 * take positive integers.
 */
@ValidatorConstraint({ name: 'auditEntityId' })
class AuditEntityId implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const entity = entityOf(args.object as AuditQuery);
    if (typeof value !== 'string' || !entity) return false;
    return !NUMBERED.has(entity) || /^[1-9]\d{0,14}$/.test(value);
  }

  defaultMessage(args: ValidationArguments): string {
    const entity = entityOf(args.object as AuditQuery);
    if (!entity)
      return 'entityId braucht auch entity oder action (z. B. entity=obligation&entityId=17; ein Mitglied wird mit seinem Kürzel genannt: entity=member&entityId=HB).';
    return `entityId: Bei ${entity} ist das eine positive ganze Zahl, nicht „${String(args.value)}“.`;
  }
}

export class AuditQuery {
  @ApiPropertyOptional({ example: 'hb@bremen.de' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  actor?: string;

  @ApiPropertyOptional({ example: 'obligation.status' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_ENTITIES, example: 'obligation' })
  @IsOptional()
  @IsIn(AUDIT_ENTITIES, { message: `entity must be one of: ${AUDIT_ENTITIES.join(', ')}` })
  entity?: string;

  @ApiPropertyOptional({
    example: '17',
    description: 'Needs entity; a number, except for member (its code), job and route',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Validate(AuditEntityId)
  entityId?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsDateString({}, { message: 'from: erwartet wird ein Datum oder ein Zeitpunkt.' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z' })
  @IsOptional()
  @IsDateString({}, { message: 'to: erwartet wird ein Datum oder ein Zeitpunkt.' })
  to?: string;

  @PageField()
  page?: number;

  @PageSizeField(1000, 100)
  pageSize?: number;
}
