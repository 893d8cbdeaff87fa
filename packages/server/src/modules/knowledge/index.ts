// The knowledge module's public surface: other modules use it only through what is exported here.
export { parseCsv } from './csv';
