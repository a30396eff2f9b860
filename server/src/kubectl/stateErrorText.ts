// What the user reads when the simulated cluster cannot be saved (both surfaces): which file,
// what is wrong in words, and that nothing was changed — the file keeps the cluster it held.
import type { StateWriteError } from './clusterSession';
import { t } from '../util/l10n';

/** `shown`: the path as the user gave it (the error holds the resolved one). */
export function stateErrorText(e: StateWriteError, shown = e.path): string {
  switch (e.problem) {
    case 'no-space':
      return t(
        'The simulated cluster could not be saved to {0}: the disk is full. The file still holds the cluster as it was before; free some space and run the command again.',
        shown,
      );
    case 'read-only':
      return t('The simulated cluster could not be saved to {0}: the file or its folder is read-only. The file was not changed.', shown);
    case 'directory':
      return t('{0} is a folder, not a KubeMate state file; it was left untouched. Choose a file path for the state.', shown);
    case 'locked':
      return t(
        'The state file {0} stayed locked by another KubeMate process (pid {1}); nothing was saved. Run the command again; if no KubeMate is running, delete {0}.lock.',
        shown,
        e.detail,
      );
    case 'busy':
      return t('Other KubeMate processes changed {0} {1} times while this command ran, so nothing was saved. Run the command again.', shown, e.detail);
    case 'other':
      return t('The simulated cluster could not be saved to {0} ({1}). The file was not changed.', shown, e.detail);
  }
}
