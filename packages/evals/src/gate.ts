// The quality gate's command, for the CLI (its building blocks stay inside the package).
export { qualityGateCommand } from './quality-gate/action/command';
