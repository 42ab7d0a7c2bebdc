export * from './enforcement.module';
export * from './penalty-policy.service';
export * from './legal-review-catalogue.service';
export * from './disclosure.service';
export * from './archive.service';
export * from './penalty-case.service';
export * from '../documents/document.service';
export * from '../documents/templates';
