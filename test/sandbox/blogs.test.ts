import { sandboxApp } from './support';

// End to end: blogs, authors, categories and posts run through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('blogs in the sandbox', () => {
  it('find blog, author and category → create a post → New Blog Post fires → slug taken → update → listed', async () => {
    const [blog] = await app.run('find_blog', { name: 'plumbing' });
    expect(blog).toMatchObject({ name: 'Plumbing Tips' });
    const [author] = await app.run('find_blog_author', { name: 'Sam Rivera' });
    const [category] = await app.run('find_blog_category', { name: 'Maintenance' });
    expect(author.id).toBeTruthy();
    expect(category).toMatchObject({ label: 'Maintenance', urlSlug: 'maintenance' });

    const before: Item[] = await app.run('new_blog_post', { blogId: blog.id });
    expect(before).toHaveLength(1); // the seeded post

    const post = await app.run('create_blog_post', {
      blogId: blog.id,
      title: 'When to Replace Your Water Heater',
      description: 'Five signs your water heater is near the end.',
      rawHTML: '<p>Rust-colored water is the first sign.</p>',
      imageUrl: 'https://sandbox-plumbing.example.com/images/old-heater.jpg',
      status: 'PUBLISHED',
      author: author.id,
      categories: [category.id],
      tags: ['water-heater', 'maintenance'],
    });
    expect(post).toMatchObject({ urlSlug: 'when-to-replace-your-water-heater', status: 'PUBLISHED', archived: false });

    const after: Item[] = await app.run('new_blog_post', { blogId: blog.id });
    expect(after[0].id).toBe(post.id); // newest first
    expect(before.map((p) => p.id)).not.toContain(post.id);

    expect(await app.run('find_blog_slug', { urlSlug: post.urlSlug })).toMatchObject([{ exists: true }]);
    expect(await app.run('find_blog_slug', { urlSlug: post.urlSlug, postId: post.id })).toEqual([]); // its own slug
    expect(await app.run('find_blog_slug', { urlSlug: 'never-used' })).toEqual([]);

    const updated = await app.run('update_blog_post', {
      postId: post.id,
      blogId: blog.id,
      title: 'When to Replace a Water Heater',
      description: 'Five signs.',
      rawHTML: '<p>Updated.</p>',
      imageUrl: 'https://sandbox-plumbing.example.com/images/old-heater.jpg',
      status: 'ARCHIVED',
      author: author.id,
      categories: [category.id],
      urlSlug: post.urlSlug,
    });
    expect(updated).toMatchObject({ id: post.id, status: 'ARCHIVED', archived: true });
    expect((await app.run('blog_post_list', { blogId: blog.id })).map((p: Item) => p.id)).toContain(post.id);
  });

  it('a second post with a taken slug is refused', async () => {
    const [blog] = await app.run('blog_list');
    const [author] = await app.run('blog_author_list');
    const [category] = await app.run('blog_category_list');
    await expect(
      app.run('create_blog_post', {
        blogId: blog.id,
        title: 'Duplicate',
        description: 'Same slug as the seeded post.',
        rawHTML: '<p>x</p>',
        imageUrl: 'https://sandbox-plumbing.example.com/images/x.jpg',
        status: 'DRAFT',
        author: author.id,
        categories: [category.id],
        urlSlug: 'tank-or-tankless',
      }),
    ).rejects.toThrow(/already in use/);
  });
});
