export * from './pdf/pdf-text.reader';
export * from './ingest.module';
export * from './ingest.service';
export * from './input/input.error';
export * from './input/decision-text.reader';
export * from './registry/council-registry.repository';
export * from './seed/seed.service';
export * from './links/decision-links';
