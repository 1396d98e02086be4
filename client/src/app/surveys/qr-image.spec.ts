import { copyText, svgDataUrl } from './qr-image';

describe('svgDataUrl', () => {
  it('turns an SVG document into a base64 data URL an <img> can show', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M4 4h7"/></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(url.slice('data:image/svg+xml;base64,'.length))).toBe(svg);
  });

  it('keeps non-ASCII text as UTF-8', () => {
    const url = svgDataUrl('<svg><title>回访</title></svg>');
    const binary = atob(url.split(',')[1]);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe('<svg><title>回访</title></svg>');
  });
});

describe('copyText', () => {
  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });

  it('uses the Clipboard API when there is one', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await expect(copyText('https://h.example/feedback/abc', document)).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://h.example/feedback/abc');
  });

  it('falls back to the copy command, and says when nothing worked', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: jest.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    await expect(copyText('x', document)).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();

    execCommand.mockReturnValue(false);
    await expect(copyText('x', document)).resolves.toBe(false);
  });
});
