import { describe, expect, it } from 'vitest';
import { refusalOf, statusAfter, type ResourceState } from './workflow';

const state = (over: Partial<ResourceState> = {}): ResourceState => ({ status: 'draft', open: 'draft', publishedVersion: null, ...over });

describe('catalogue workflow', () => {
  it('edits a draft or starts a new version, never while a version is in review or once retired', () => {
    expect(refusalOf(state(), 'edit')).toBeNull();
    expect(refusalOf(state({ status: 'published', open: null, publishedVersion: 1 }), 'edit')).toBeNull();
    expect(refusalOf(state({ status: 'review', open: 'review' }), 'edit')).toBe('inReview');
    expect(refusalOf(state({ status: 'retired', open: null, publishedVersion: 1 }), 'edit')).toBe('retired');
  });

  it('submits drafts only, and publishes or returns versions in review only', () => {
    expect(refusalOf(state({ status: 'published', open: null, publishedVersion: 1 }), 'submit')).toBe('noDraft');
    expect(refusalOf(state(), 'publish')).toBe('noReview');
    expect(refusalOf(state({ status: 'review', open: 'review' }), 'return')).toBeNull();
  });

  it('keeps a published resource published while its next version is reviewed or returned', () => {
    const published = state({ status: 'published', open: 'draft', publishedVersion: 1 });
    expect(statusAfter(published, 'submit')).toBe('published');
    expect(statusAfter(published, 'return')).toBe('published');
    expect(statusAfter(state(), 'submit')).toBe('review');
    expect(statusAfter(state({ status: 'review', open: 'review' }), 'return')).toBe('draft');
  });

  it('loads records only into published resources', () => {
    expect(refusalOf(state(), 'loadRecords')).toBe('notPublished');
    expect(refusalOf(state({ status: 'published', open: 'draft', publishedVersion: 2 }), 'loadRecords')).toBeNull();
  });
});
