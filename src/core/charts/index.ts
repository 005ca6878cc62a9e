/** Pictures of a batch (issue 12, item 5): data, tables, SVG layout and draft figures. */
export * from './data';
export * from './figures';
export * from './messages';
export * from './svg';
export * from './tables';
