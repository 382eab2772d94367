import { blogPostSample } from '../../src/fields/blog';
import { AUTH, highlevel, operation, run } from '../support/highlevel';
import { slugify } from '../../creates/blogs';

const post = (id: string, publishedAt: string) => {
  const { id: _id, ...rest } = blogPostSample;
  return { ...rest, _id: id, publishedAt };
};

describe('New Blog Post', () => {
  it('reads the posts of the blog and returns them newest first, each with an id', async () => {
    const scope = highlevel()
      .get('/blogs/posts/all')
      .query({ locationId: AUTH.locationId, blogId: 'b1', status: 'PUBLISHED', limit: '100', offset: '0' })
      .matchHeader('version', '2021-07-28')
      .reply(200, { blogs: [post('p1', '2026-03-01T10:00:00.000Z'), post('p2', '2026-03-03T10:00:00.000Z')] });
    const results = await run(operation('new_blog_post'), { blogId: 'b1', status: 'PUBLISHED' });
    expect(results.map((p: any) => p.id)).toEqual(['p2', 'p1']);
    scope.done();
  });

  it('reads further pages while they are full', async () => {
    const full = Array.from({ length: 100 }, (_, i) => post(`p${i}`, '2026-03-01T10:00:00.000Z'));
    highlevel()
      .get('/blogs/posts/all')
      .query((q) => q.offset === '0')
      .reply(200, { blogs: full });
    const second = highlevel()
      .get('/blogs/posts/all')
      .query((q) => q.offset === '100')
      .reply(200, { blogs: [post('p100', '2026-03-05T10:00:00.000Z')] });
    const results = await run(operation('new_blog_post'), { blogId: 'b1' });
    expect(results).toHaveLength(101);
    expect(results[0].id).toBe('p100');
    second.done();
  });
});

describe('blog dropdowns', () => {
  it.each([
    ['blog_list', '/blogs/site/all', { skip: '0', limit: '50' }, { data: [{ _id: 'b1', name: 'Plumbing Tips' }] }, 'Plumbing Tips'],
    ['blog_author_list', '/blogs/authors', { offset: '0', limit: '50' }, { authors: [{ _id: 'b1', name: 'Sam Rivera' }] }, 'Sam Rivera'],
    [
      'blog_category_list',
      '/blogs/categories',
      { offset: '0', limit: '50' },
      { categories: [{ _id: 'b1', label: 'Maintenance' }] },
      'Maintenance',
    ],
  ])('%s turns `_id` records into choices', async (key, path, query, answer, name) => {
    const scope = highlevel()
      .get(path)
      .query({ locationId: AUTH.locationId, ...query })
      .reply(200, answer);
    expect(await run(operation(key))).toEqual([expect.objectContaining({ id: 'b1', name })]);
    scope.done();
  });

  it('drops null list items, and names a record without a name by its id', async () => {
    highlevel()
      .get('/blogs/site/all')
      .query(true)
      .reply(200, { data: [null, { _id: 'b1', name: '' }, 'junk'] });
    expect(await run(operation('blog_list'))).toEqual([{ _id: 'b1', id: 'b1', name: 'b1' }]);
    highlevel()
      .get('/blogs/site/all')
      .query(true)
      .reply(200, { data: [null, { _id: 'b2', name: 'Tips' }] });
    expect(await run(operation('find_blog'), { name: 'tips' })).toEqual([{ _id: 'b2', id: 'b2', name: 'Tips' }]);
  });

  it('labels the category dropdown in plain English', () => {
    expect(operation('blog_category_list').definition.display.label).toBe('List Blog Categories');
  });

  it("blog_post_list lists the chosen blog's posts", async () => {
    highlevel()
      .get('/blogs/posts/all')
      .query({ locationId: AUTH.locationId, blogId: 'b1', offset: '0', limit: '50' })
      .reply(200, { blogs: [post('p1', '2026-03-01T10:00:00.000Z')] });
    expect(await run(operation('blog_post_list'), { blogId: 'b1' })).toEqual([
      expect.objectContaining({ id: 'p1', name: blogPostSample.title }),
    ]);
  });
});

describe('Find Blog Post URL Slug', () => {
  it('finds a taken slug and finds nothing for a free one', async () => {
    highlevel().get('/blogs/posts/url-slug-exists').query({ locationId: AUTH.locationId, urlSlug: 'taken' }).reply(200, { exists: true });
    expect(await run(operation('find_blog_slug'), { urlSlug: 'taken' })).toEqual([{ id: 'taken', urlSlug: 'taken', exists: true }]);
    highlevel().get('/blogs/posts/url-slug-exists').query({ locationId: AUTH.locationId, urlSlug: 'free' }).reply(200, { exists: false });
    expect(await run(operation('find_blog_slug'), { urlSlug: 'free' })).toEqual([]);
  });
});

describe('blog post actions', () => {
  const input = {
    blogId: 'b1',
    title: 'When to Replace Your Water Heater',
    description: 'Five signs.',
    rawHTML: '<p>Five signs.</p>',
    imageUrl: 'https://assets.example.com/wh.jpg',
    status: 'PUBLISHED',
    author: 'au1',
    categories: 'cat1, cat2',
    publishedAt: '2026-03-02T14:00:00Z',
  };
  const body = {
    ...input,
    locationId: AUTH.locationId,
    categories: ['cat1', 'cat2'],
    imageAltText: input.title,
    urlSlug: 'when-to-replace-your-water-heater',
    publishedAt: '2026-03-02T14:00:00.000Z',
  };

  it('Create Blog Post fills slug and alt text from the title and returns the post with an id', async () => {
    const scope = highlevel()
      .post('/blogs/posts', body)
      .reply(201, { data: post('p9', '2026-03-02T14:00:00.000Z') });
    expect(await run(operation('create_blog_post'), input)).toMatchObject({ id: 'p9', _id: 'p9' });
    scope.done();
  });

  it('Update Blog Post puts the whole post to its ID', async () => {
    const scope = highlevel()
      .put('/blogs/posts/p9', body)
      .reply(200, { updatedBlogPost: post('p9', '2026-03-02T14:00:00.000Z') });
    expect(await run(operation('update_blog_post'), { ...input, postId: 'p9' })).toMatchObject({ id: 'p9' });
    scope.done();
  });

  it('rejects a bad status or slug before any request', async () => {
    await expect(run(operation('create_blog_post'), { ...input, status: 'LIVE' })).rejects.toThrow(/Status \(status\)/);
    await expect(run(operation('create_blog_post'), { ...input, urlSlug: 'Not A Slug' })).rejects.toThrow(/URL Slug \(urlSlug\)/);
  });

  it('slugify makes URL slugs from any title', () => {
    expect(slugify('Ça coûte 100 € — vraiment?')).toBe('ca-coute-100-vraiment');
    expect(slugify('!!!')).toBe('post');
  });
});

describe('blog searches by name', () => {
  it('Find Blog asks HighLevel with the search term and prefers the exact name', async () => {
    const scope = highlevel()
      .get('/blogs/site/all')
      .query({ locationId: AUTH.locationId, skip: '0', limit: '100', searchTerm: 'tips' })
      .reply(200, {
        data: [
          { _id: 'b1', name: 'Plumbing Tips and Tricks' },
          { _id: 'b2', name: 'Tips' },
        ],
      });
    expect(await run(operation('find_blog'), { name: 'tips' })).toEqual([{ _id: 'b2', id: 'b2', name: 'Tips' }]);
    scope.done();
  });

  it('Find Blog Author reads the authors page by page and matches by name', async () => {
    const full = Array.from({ length: 100 }, (_, i) => ({ _id: `a${i}`, name: `Author ${i}` }));
    highlevel().get('/blogs/authors').query({ locationId: AUTH.locationId, offset: '0', limit: '100' }).reply(200, { authors: full });
    const second = highlevel()
      .get('/blogs/authors')
      .query({ locationId: AUTH.locationId, offset: '100', limit: '100' })
      .reply(200, { authors: [{ _id: 'sam', name: 'Sam Rivera' }] });
    expect(await run(operation('find_blog_author'), { name: 'sam rivera' })).toEqual([{ _id: 'sam', id: 'sam', name: 'Sam Rivera' }]);
    second.done();
  });

  it('Find Blog Category matches the label and finds nothing for an unknown one', async () => {
    highlevel()
      .get('/blogs/categories')
      .query(true)
      .reply(200, { categories: [{ _id: 'c1', label: 'Maintenance' }] });
    expect(await run(operation('find_blog_category'), { name: 'maint' })).toEqual([expect.objectContaining({ id: 'c1' })]);
    highlevel()
      .get('/blogs/categories')
      .query(true)
      .reply(200, { categories: [{ _id: 'c1', label: 'Maintenance' }] });
    expect(await run(operation('find_blog_category'), { name: 'gardening' })).toEqual([]);
  });
});
