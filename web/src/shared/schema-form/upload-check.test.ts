import { describe, expect, it } from 'vitest';
import { acceptAttribute, formatOf, formatSize, uploadProblem } from './upload-check';

const rule = { formats: ['pdf', 'jpg'] as const, maxSizeMb: 2 };

describe('uploadProblem', () => {
  it('accepts a file of an allowed format within the size', () => {
    expect(uploadProblem({ name: '出生医学证明.PDF', type: 'application/pdf', size: 1024 }, rule)).toBeUndefined();
    expect(uploadProblem({ name: 'photo.jpeg', type: 'image/jpeg', size: 1024 }, rule)).toBeUndefined();
  });

  it('refuses another format, even when only the extension was changed', () => {
    expect(uploadProblem({ name: 'photo.png', type: 'image/png', size: 10 }, rule)).toEqual({ reason: 'format', formats: 'PDF / JPG' });
    expect(uploadProblem({ name: 'photo.jpg', type: 'image/heic', size: 10 }, rule)).toMatchObject({ reason: 'format' });
  });

  it('refuses a file over the size limit, and an empty one', () => {
    expect(uploadProblem({ name: 'a.pdf', type: 'application/pdf', size: 2 * 1024 * 1024 + 1 }, rule)).toEqual({ reason: 'size', maxSizeMb: 2 });
    expect(uploadProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 }, rule)).toEqual({ reason: 'empty' });
  });

  it('trusts the extension when the browser does not know the type (OFD)', () => {
    expect(formatOf({ name: '营业执照.ofd', type: '' }, ['ofd'])).toBe('ofd');
  });
});

describe('helpers', () => {
  it('builds the picker filter and reads sizes', () => {
    expect(acceptAttribute(['pdf'])).toBe('.pdf,application/pdf');
    expect(formatSize(512)).toBe('1 KB');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });
});
