import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '@app/persistence';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditRepository, AuditService], exports: [AuditService] })
export class AuditModule {}
