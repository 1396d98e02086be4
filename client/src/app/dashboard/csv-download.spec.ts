import { csvFileName, saveFile } from './csv-download';

describe('csvFileName', () => {
  it('names the indicator and the period', () => {
    expect(csvFileName('wait-time', 'month', '2026-01-01', '2026-03-31')).toBe('wait-time_2026-01-01_2026-03-31.csv');
    expect(csvFileName('follow-up', 'day', '2026-03-01', '2026-03-07')).toBe('follow-up_2026-03-01_2026-03-07.csv');
  });

  it('says when a series is by department', () => {
    expect(csvFileName('churn', 'department', '2026-01-01', '2026-03-31')).toBe('churn-by-department_2026-01-01_2026-03-31.csv');
  });

  it('names the survey template a satisfaction series was narrowed to', () => {
    expect(csvFileName('satisfaction', 'month', '2026-01-01', '2026-03-31', 4)).toBe('satisfaction-template-4_2026-01-01_2026-03-31.csv');
  });
});

describe('saveFile', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  let createObjectURL: jest.Mock<string, [Blob]>;
  let revokeObjectURL: jest.Mock<void, [string]>;

  beforeEach(() => {
    jest.useFakeTimers();
    // jsdom has no object URLs.
    createObjectURL = jest.fn<string, [Blob]>(() => 'blob:http://localhost/1234');
    revokeObjectURL = jest.fn<void, [string]>();
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true, writable: true });
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    Object.defineProperty(URL, 'createObjectURL', { value: original.create, configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: original.revoke, configurable: true, writable: true });
  });

  it('clicks a hidden link to the blob with the file name, then removes it', () => {
    const clicked: { href: string; download: string; display: string; attached: boolean }[] = [];
    // jsdom does not navigate: record what the click would have downloaded.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({
        href: this.href,
        download: this.getAttribute('download') ?? '',
        display: this.style.display,
        attached: document.body.contains(this),
      });
    });
    const blob = new Blob(['a,b\n1,2\n'], { type: 'text/csv' });

    saveFile(document, blob, 'wait-time_2026-01-01_2026-03-31.csv');

    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([
      { href: 'blob:http://localhost/1234', download: 'wait-time_2026-01-01_2026-03-31.csv', display: 'none', attached: true },
    ]);
    expect(document.body.querySelectorAll('a')).toHaveLength(0);
  });

  it('revokes the object URL only after giving the download time to start', () => {
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    saveFile(document, new Blob(['x']), 'x.csv');

    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(9_999);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(revokeObjectURL).toHaveBeenCalledTimes(1);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/1234');
  });
});
