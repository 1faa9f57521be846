import { describe, expect, it } from 'vitest';
import { licenseSearchOf, searchParamsOf } from './search';

describe('licence search box', () => {
  it('reads an identifier, whole or as a prefix', () => {
    expect(licenseSearchOf(' 1.2.156.3005.2.111.11539900mb0000001x.00000001.001.7 ')).toEqual({ by: 'identifier', text: '1.2.156.3005.2.111.11539900MB0000001X.00000001.001.7' });
    expect(licenseSearchOf('1.2.156.3005.2.301.')).toEqual({ by: 'identifier', text: '1.2.156.3005.2.301.' });
  });

  it('reads an 18-character ID number or credit code', () => {
    expect(licenseSearchOf('53990219880315011x')).toEqual({ by: 'holderNumber', text: '53990219880315011X' });
    expect(licenseSearchOf('91539902MA1QH0013H')).toEqual({ by: 'holderNumber', text: '91539902MA1QH0013H' });
  });

  it('takes anything else as the start of a holder’s name, rare characters included', () => {
    expect(licenseSearchOf('𠮷祥')).toEqual({ by: 'holderName', text: '𠮷祥' });
    expect(licenseSearchOf('云溪市青禾食品有限公司')).toEqual({ by: 'holderName', text: '云溪市青禾食品有限公司' });
    expect(licenseSearchOf('   ')).toBeUndefined();
  });

  it('becomes the one list parameter it names', () => {
    expect(searchParamsOf(licenseSearchOf('张三'))).toEqual({ holderName: '张三' });
    expect(searchParamsOf(undefined)).toEqual({});
  });
});
