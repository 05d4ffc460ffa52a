import type { Config } from '../config';
import type { DirectoryPasswordSettings } from '../directory/directory';
import { DEFAULT_POLICY } from './default-policy';
import { PasswordPolicy } from './password-policy';

/** The validator for the configured rules, tightened by what the directory itself enforces. */
export function policyFromConfig(
  settings: Config['policy'],
  directory: DirectoryPasswordSettings,
): PasswordPolicy {
  return new PasswordPolicy({ ...DEFAULT_POLICY, ...settings }, directory);
}
