export * from './overdue/overdue-scan.service';
export * from './follow-up-data.repository';
export * from './reports/reports.service';
export * from './digests/digest.service';
