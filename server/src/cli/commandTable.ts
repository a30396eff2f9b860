// Every CLI command, in the order `kubemate --help` lists them.
import type { CliCommand } from './cliCommand';
import { checkCommand } from './commands/check';
import { explainCommand } from './commands/explain';
import { docsCommand } from './commands/docs';
import { applyCommand } from './commands/apply';
import { getCommand } from './commands/get';
import { describeCommand } from './commands/describe';
import { deleteCommand } from './commands/delete';
import { scaleCommand } from './commands/scale';
import { rolloutCommand } from './commands/rollout';
import { cordonCommand, uncordonCommand, drainCommand, taintCommand } from './commands/nodeCommands';
import { faultCommand, readinessCommand } from './commands/podActions';
import { createCommand } from './commands/create';
import { setCommand } from './commands/setImage';
import { editCommand } from './commands/edit';
import { labelCommand, annotateCommand } from './commands/labelCommands';
import { exposeCommand } from './commands/expose';
import { logsCommand, execCommand } from './commands/logs';
import { kustomizeCommand } from './commands/kustomize';
import { advanceCommand } from './commands/advance';
import { requestCommand } from './commands/request';

export const commandTable: CliCommand[] = [
  checkCommand,
  explainCommand,
  docsCommand,
  kustomizeCommand,
  applyCommand,
  getCommand,
  describeCommand,
  deleteCommand,
  scaleCommand,
  rolloutCommand,
  setCommand,
  editCommand,
  exposeCommand,
  labelCommand,
  annotateCommand,
  logsCommand,
  requestCommand,
  execCommand,
  createCommand,
  readinessCommand,
  faultCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  advanceCommand,
];
