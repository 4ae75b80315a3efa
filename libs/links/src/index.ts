export * from './links.module';
export * from './links.service';
export * from './dto/link.dto';
export * from './link-proposals.service';
export * from './link-confirmation';
export * from './decision-link.applier';
