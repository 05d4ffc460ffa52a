import { Ber, BerWriter, Control } from 'ldapts';

/** LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 and later). */
export const POLICY_HINTS_OID = '1.2.840.113556.1.4.2239';
/** LDAP_SERVER_POLICY_HINTS_DEPRECATED_OID (Windows Server 2008 R2 with the hotfix). */
export const POLICY_HINTS_DEPRECATED_OID = '1.2.840.113556.1.4.2066';

/**
 * Asks AD to apply the password history and minimum age to an administrative `unicodePwd` reset,
 * as it would to a user's own change. Value: SEQUENCE { Flags INTEGER (1 = enforce) }.
 * Critical, so a server that stops honouring it refuses the reset instead of skipping the checks;
 * only sent to servers that list the OID in the rootDSE's supportedControl.
 */
export class PolicyHintsControl extends Control {
  constructor(oid: string = POLICY_HINTS_OID) {
    super(oid, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    value.writeInt(1);
    value.endSequence();
    writer.writeBuffer(value.buffer, Ber.OctetString);
  }
}
