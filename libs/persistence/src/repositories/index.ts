export * from './audit.repository';
export * from './import-preview.repository';
export * from './overview.repository';
export * from './setting.repository';
export * from './ingest.repository';
export * from './decision-link.repository';
