import { endpoint } from './endpoint';

// Blogs (blogs.json): sub-account tokens only. Records carry `_id`; the operations add `id`.
export const blogsApi = {
  checkSlug: endpoint('blogs.json', 'GET /blogs/posts/url-slug-exists', {
    operationId: 'check-url-slug-exists',
    scope: 'blogs/check-slug.readonly',
    locationIn: 'query',
  }),
  listAuthors: endpoint('blogs.json', 'GET /blogs/authors', {
    operationId: 'get-all-blog-authors-by-location',
    scope: 'blogs/author.readonly',
    locationIn: 'query',
  }),
  listCategories: endpoint('blogs.json', 'GET /blogs/categories', {
    operationId: 'get-all-categories-by-location',
    scope: 'blogs/category.readonly',
    locationIn: 'query',
  }),
  listPosts: endpoint('blogs.json', 'GET /blogs/posts/all', {
    operationId: 'get-blog-post',
    scope: 'blogs/posts.readonly',
    locationIn: 'query',
  }),
  listBlogs: endpoint('blogs.json', 'GET /blogs/site/all', { operationId: 'get-blogs', scope: 'blogs/list.readonly', locationIn: 'query' }),
  createPost: endpoint('blogs.json', 'POST /blogs/posts', {
    operationId: 'create-blog-post',
    scope: 'blogs/post.write',
    locationIn: 'body',
  }),
  updatePost: endpoint('blogs.json', 'PUT /blogs/posts/{postId}', {
    operationId: 'update-blog-post',
    scope: 'blogs/post-update.write',
    locationIn: 'body',
  }),
};
