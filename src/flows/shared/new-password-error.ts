import type { DirectoryPolicyReason } from '../../directory/directory';
import type { PolicyRule } from '../../policy/policy';

/** Why a new password was not set, in every journey that sets one; shown under its inputs. */
export type NewPasswordError =
  /** The confirmation differs. */
  | { kind: 'mismatch' }
  | { kind: 'unmet'; rules: PolicyRule[] }
  | { kind: 'directory-refused'; reasons: DirectoryPolicyReason[] }
  | { kind: 'directory-unavailable' };
