import { describe, expect, it } from 'vitest';
import { contentTypeFor, fileNameFromKey, fileProblem, sizeWords, typeWords } from './files.ts';

const limits = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv', 'application/zip'],
};

describe('contentTypeFor', () => {
  it('keeps an accepted browser type and falls back to the extension otherwise', () => {
    expect(contentTypeFor({ name: 'a.pdf', type: 'application/pdf' }, limits)).toBe('application/pdf');
    expect(contentTypeFor({ name: 'list.CSV', type: 'application/vnd.ms-excel' }, limits)).toBe('text/csv');
    expect(contentTypeFor({ name: 'photo.jpeg', type: '' }, limits)).toBe('image/jpeg');
    expect(contentTypeFor({ name: 'tool.exe', type: 'application/x-msdownload' }, limits)).toBe(
      'application/x-msdownload',
    );
  });
});

describe('fileProblem', () => {
  it('accepts a small PDF', () => {
    expect(fileProblem({ name: 'contract.pdf', type: 'application/pdf', size: 2048 }, limits)).toBeUndefined();
  });

  it('says why a file cannot be uploaded', () => {
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 }, limits)).toBe('This file is empty.');
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: 11 * 1024 * 1024 }, limits)).toBe(
      'This file is too big. Files may be up to 10 MB.',
    );
    expect(fileProblem({ name: 'a.exe', type: 'application/x-msdownload', size: 10 }, limits)).toBe(
      'This kind of file is not accepted. Use PDF, PNG, JPEG, text, CSV or ZIP.',
    );
  });
});

describe('sizes and names', () => {
  it('says sizes in bytes, KB and MB', () => {
    expect(sizeWords(512)).toBe('512 bytes');
    expect(sizeWords(34 * 1024)).toBe('34 KB');
    expect(sizeWords(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('lists the accepted kinds once each', () => {
    expect(typeWords({ maxBytes: 1, contentTypes: ['image/png', 'image/png'] })).toBe('PNG');
    expect(typeWords(limits)).toBe('PDF, PNG, JPEG, text, CSV or ZIP');
  });

  it('takes the file name from the end of a key', () => {
    expect(fileNameFromKey('uploads/ab12/contract%20signed.pdf')).toBe('contract signed.pdf');
    expect(fileNameFromKey('plain.txt')).toBe('plain.txt');
    expect(fileNameFromKey('x/%E0%A4%A.pdf')).toBe('%E0%A4%A.pdf');
  });
});
