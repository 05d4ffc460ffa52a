import type { Entry } from 'ldapts';
import { entryValues, firstValue } from '../../src/directory/entry-values';

describe('entryValues', () => {
  it('treats the [] ldapts returns for a missing attribute, and empty strings, as absent', () => {
    const entry: Entry = { dn: 'uid=a', mobile: [], mail: '' };
    expect(entryValues(entry, 'mobile')).toEqual([]);
    expect(entryValues(entry, 'mail')).toEqual([]);
    expect(entryValues(entry, 'sn')).toEqual([]);
  });

  it('reads single strings, lists and Buffers, matching the attribute name without case', () => {
    const entry: Entry = { dn: 'uid=a', Mail: 'a@uni.example', cn: ['A B', 'Ab'], sn: Buffer.from('Wiśniewska') };
    expect(entryValues(entry, 'mail')).toEqual(['a@uni.example']);
    expect(entryValues(entry, 'CN')).toEqual(['A B', 'Ab']);
    expect(entryValues(entry, 'sn')).toEqual(['Wiśniewska']);
  });
});

describe('firstValue', () => {
  it('is the first non-empty value, and undefined for [] and for the dn key', () => {
    expect(firstValue({ dn: 'uid=a', cn: ['', 'A B'] }, 'cn')).toBe('A B');
    expect(firstValue({ dn: 'uid=a', mobile: [] }, 'mobile')).toBeUndefined();
    expect(firstValue({ dn: 'uid=a' }, 'dn')).toBeUndefined();
  });
});
