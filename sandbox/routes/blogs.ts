import { newId, pick, Rec, SandboxState } from '../state';
import { assertLocation, fail, ok, page, Route, RouteRequest, storeFor } from './route';

// Blogs (sites), their posts, authors and categories, in this module's own store. HighLevel's blog records use
// `_id`. Seeded: one blog with an author, two categories and one published post.

const POST_FIELDS = [
  'title',
  'description',
  'imageUrl',
  'imageAltText',
  'rawHTML',
  'status',
  'categories',
  'tags',
  'author',
  'urlSlug',
  'canonicalLink',
  'publishedAt',
  'blogId',
];

const store = storeFor((state: SandboxState) => {
  const loc = state.locationId;
  const at = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
  const site = 'https://sandbox-plumbing.example.com/blog';
  const blog = { _id: newId(), name: 'Plumbing Tips', locationId: loc };
  const author = { _id: newId(), name: 'Sam Rivera', locationId: loc, updatedAt: at, canonicalLink: `${site}/author/sam-rivera` };
  const categories = [
    ['Water Heaters', 'water-heaters'],
    ['Maintenance', 'maintenance'],
  ].map(([label, urlSlug]) => ({
    _id: newId(),
    label,
    urlSlug,
    locationId: loc,
    updatedAt: at,
    canonicalLink: `${site}/category/${urlSlug}`,
  }));
  const post = {
    _id: newId(),
    blogId: blog._id,
    locationId: loc,
    title: 'Tank or Tankless? Choosing a Water Heater',
    description: 'What to weigh before replacing your water heater.',
    rawHTML: '<p>Tankless heaters cost more up front but last longer.</p>',
    imageUrl: 'https://sandbox-plumbing.example.com/images/water-heater.jpg',
    imageAltText: 'A tankless water heater on a wall',
    status: 'PUBLISHED',
    archived: false,
    categories: [categories[0]._id],
    tags: ['water-heater'],
    author: author._id,
    urlSlug: 'tank-or-tankless',
    canonicalLink: `${site}/tank-or-tankless`,
    publishedAt: at,
    updatedAt: at,
  };
  return {
    blogs: new Map<string, Rec>([[blog._id, blog]]),
    posts: new Map<string, Rec>([[post._id, post]]),
    authors: [author],
    categories,
  };
});

const ofLocation = <T extends Rec>(req: RouteRequest, items: Iterable<T>) => [...items].filter((i) => i.locationId === req.locationId);

/** 400 when another post of the location has the slug (HighLevel's slugs are unique per location). */
function checkSlug(req: RouteRequest, state: SandboxState, urlSlug: string, postId?: string) {
  if (ofLocation(req, store(state).posts.values()).some((p) => p.urlSlug === urlSlug && p._id !== postId))
    fail(400, `The URL slug ${urlSlug} is already in use`);
}

function blogOf(req: RouteRequest, state: SandboxState, blogId: string): Rec {
  const blog = store(state).blogs.get(blogId);
  if (!blog || blog.locationId !== req.locationId) fail(404, 'Blog not found');
  return blog;
}

/** A post as BlogPostResponseDTO (archived derived from the status). */
function savePost(state: SandboxState, post: Rec): Rec {
  Object.assign(post, { archived: post.status === 'ARCHIVED', updatedAt: state.now() });
  store(state).posts.set(post._id, post);
  return post;
}

export const blogRoutes: Route[] = [
  {
    method: 'GET',
    path: '/blogs/site/all',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const term = req.query.searchTerm?.toLowerCase();
      const blogs = ofLocation(req, store(state).blogs.values()).filter((b) => !term || b.name.toLowerCase().includes(term));
      return ok({ data: page(blogs, req.query, 10).map(({ _id, name }) => ({ _id, name })) });
    },
  },
  {
    method: 'GET',
    path: '/blogs/authors',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ authors: page(ofLocation(req, store(state).authors), req.query, 10) });
    },
  },
  {
    method: 'GET',
    path: '/blogs/categories',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ categories: page(ofLocation(req, store(state).categories), req.query, 10) });
    },
  },
  {
    // A blog's posts, newest first (by publishedAt); status and searchTerm (title) filter.
    method: 'GET',
    path: '/blogs/posts/all',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      blogOf(req, state, req.query.blogId);
      const term = req.query.searchTerm?.toLowerCase();
      const posts = ofLocation(req, store(state).posts.values())
        .filter((p) => p.blogId === req.query.blogId)
        .filter((p) => !req.query.status || p.status === req.query.status)
        .filter((p) => !term || String(p.title).toLowerCase().includes(term))
        .sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)));
      return ok({ blogs: page(posts, req.query, 10) });
    },
  },
  {
    method: 'GET',
    path: '/blogs/posts/url-slug-exists',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const exists = ofLocation(req, store(state).posts.values()).some(
        (p) => p.urlSlug === req.query.urlSlug && p._id !== req.query.postId,
      );
      return ok({ exists });
    },
  },
  {
    method: 'POST',
    path: '/blogs/posts',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      blogOf(req, state, req.body.blogId);
      checkSlug(req, state, req.body.urlSlug);
      return ok({ data: savePost(state, { _id: newId(), ...pick(req.body, POST_FIELDS), locationId: req.locationId }) });
    },
  },
  {
    method: 'PUT',
    path: '/blogs/posts/{postId}',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const post = store(state).posts.get(req.params.postId);
      if (!post || post.locationId !== req.locationId) fail(404, 'Blog post not found');
      blogOf(req, state, req.body.blogId);
      checkSlug(req, state, req.body.urlSlug, post._id);
      return ok({ updatedBlogPost: savePost(state, Object.assign(post, pick(req.body, POST_FIELDS))) });
    },
  },
];
