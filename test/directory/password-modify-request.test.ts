import { BerReader } from 'ldapts';
import { encodeLength, encodePasswordModifyRequest } from '../../src/directory/password-modify-request';

describe('encodePasswordModifyRequest (RFC 3062 request value)', () => {
  it('encodes an administrative reset as SEQUENCE { [0] userIdentity, [2] newPasswd }', () => {
    const value = encodePasswordModifyRequest({ userIdentity: 'uid=a', newPassword: 'Xy1!' });
    expect(value.toString('hex')).toBe(
      '300d' + '8005' + Buffer.from('uid=a').toString('hex') + '8204' + Buffer.from('Xy1!').toString('hex'),
    );
  });

  it('encodes a self change as SEQUENCE { [1] oldPasswd, [2] newPasswd } without an identity', () => {
    const value = encodePasswordModifyRequest({ oldPassword: 'old', newPassword: 'new' });
    expect(value.toString('hex')).toBe('300a' + '8103' + '6f6c64' + '8203' + '6e6577');
  });

  it('sends strings as UTF-8 octets, counting bytes rather than characters', () => {
    const value = encodePasswordModifyRequest({ newPassword: 'Zażółć1!' });
    const reader = new BerReader(value);
    expect(reader.readSequence()).toBe(0x30);
    expect(reader.readString(0x82)).toBe('Zażółć1!');
    expect(reader.remain).toBe(0);
  });

  it('uses the long length form for fields of 128 bytes or more, readable by a BER decoder', () => {
    const identity = `uid=${'x'.repeat(300)},ou=people,dc=uni,dc=example`;
    const value = encodePasswordModifyRequest({ userIdentity: identity, oldPassword: 'o', newPassword: 'n' });
    const reader = new BerReader(value);
    expect(reader.readSequence()).toBe(0x30);
    expect(reader.length).toBe(value.length - 4); // 0x30, 0x82, two length octets
    expect(reader.readString(0x80)).toBe(identity);
    expect(reader.readString(0x81)).toBe('o');
    expect(reader.readString(0x82)).toBe('n');
    expect(reader.remain).toBe(0);
  });

  it('encodes lengths minimally', () => {
    expect(encodeLength(0).toString('hex')).toBe('00');
    expect(encodeLength(127).toString('hex')).toBe('7f');
    expect(encodeLength(128).toString('hex')).toBe('8180');
    expect(encodeLength(255).toString('hex')).toBe('81ff');
    expect(encodeLength(256).toString('hex')).toBe('820100');
    expect(encodeLength(70000).toString('hex')).toBe('83011170');
  });
});
