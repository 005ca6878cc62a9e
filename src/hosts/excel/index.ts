export { ExcelHost } from './ExcelHost';
export { officeEnv, type ExcelEnv } from './env';
export { detectCapabilities, type Capabilities } from './capabilities';
export { HostError } from './errors';
