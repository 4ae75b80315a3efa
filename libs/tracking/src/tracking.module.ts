import { Module } from '@nestjs/common';
import { MandatesService } from './mandates/mandates.service';

@Module({ providers: [MandatesService], exports: [MandatesService] })
export class TrackingModule {}
