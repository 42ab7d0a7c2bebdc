export * from './local-date';
export * from './months';
export * from './holiday-year';
export * from './working-day-calendar';
export * from './deadline';
export * from './hours';
