export * from './overdue/overdue-scan.service';
