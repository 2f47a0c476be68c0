export * from './roles';
export * from './permissions';
export * from './reference-data';
export * from './iso-date';
export * from './calendar';
export * from './iin';
export * from './kazakh-text';
