export * from './tracking.module';
export * from './mandates/mandates.service';
export * from './mandates/mandate-list.query';
