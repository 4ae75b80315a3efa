export * from './entities';
export * from './data-source-options';
export { MIGRATIONS } from './migrations';
export * from './persistence.module';
export * from './obligations/obligation-owners.reconciler';
export * from './obligations/overdue-flags';
export * from './repositories';
