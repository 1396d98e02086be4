import { parseImportArgs } from './import-cli';

describe('npm run import arguments', () => {
  it('reads a target and the options in any order', () => {
    expect(parseImportArgs(['--mapping', '月度', 'his/', '--format', 'csv', '--encoding', 'gb18030'])).toEqual({
      target: 'his/',
      mapping: '月度',
      format: 'csv',
      encoding: 'gb18030',
    });
    expect(parseImportArgs(['a.json'])).toEqual({ target: 'a.json', encoding: 'auto' });
  });

  it('refuses what it does not know (a usage error, exit 2)', () => {
    expect(() => parseImportArgs([])).toThrow(/no file/);
    expect(() => parseImportArgs(['a.csv', 'b.csv'])).toThrow(/one file/);
    expect(() => parseImportArgs(['a.csv', '--format', 'pdf'])).toThrow(/--format/);
    expect(() => parseImportArgs(['a.csv', '--mapping'])).toThrow(/needs a value/);
    expect(() => parseImportArgs(['a.csv', '--force'])).toThrow(/unknown option/);
  });
});
