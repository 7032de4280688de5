// Evaluated in the Redoc page by ReferenceDocsBrowserTest as (this function)(expected), where expected maps each
// tag to the operation summaries its page should show. For each tag, clicks its entry in the sidebar as a reader
// would, then scrolls the page from top to bottom (Redoc renders sections as they come into view) and collects the
// first line of every <h2> of the middle panel: the tag and operation headings. Returns {tag: {hash, headings: [...]}}.
async (expected) => {
  const tags = Object.keys(expected);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitFor = async (what, condition, timeoutMs = 20000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };
  const tagLink = (tag) => [...document.querySelectorAll('.menu-item-type-group > a')]
    .find((link) => link.textContent.trim() === tag);
  // The page is server-rendered; a click only works once React has hydrated the element.
  const hydrated = (element) => element !== undefined && Object.keys(element).some((key) => key.startsWith('__react'));
  const headings = () => [...document.querySelectorAll('[data-testid="middle-panel"] h2')]
    .map((heading) => heading.innerText.split('\n')[0].trim());

  const page = location.pathname;
  const deadline = Date.now() + 240000;
  await waitFor('the sidebar to become interactive', () => hydrated(tagLink(tags[0])));
  const pages = {};
  for (const tag of tags) {
    const link = tagLink(tag);
    if (link === undefined) {
      pages[tag] = { hash: null, headings: [], error: `no sidebar entry for tag ${tag}` };
      continue;
    }
    const before = location.hash;
    link.click();
    await waitFor(`the page of tag ${tag}`, () => location.hash !== before);
    if (location.pathname !== page) throw new Error(`clicking ${tag} left the page for ${location.href}`);
    await sleep(200);
    // Redoc renders a section some time after it comes into view, later the busier the machine, so the page is
    // scrolled again until every expected heading was seen; the deadline (for all tags, within the test's 300 s per
    // evaluation) only guards against a page that never shows one: the test then reports what it did see. Each pass
    // starts where the click took the reader, a screen above the tag's section, not at the top of the whole
    // reference: the tag's operations follow its heading, and the page grows with every resource.
    const sectionTop = Math.max(0, window.scrollY - window.innerHeight);
    const seen = new Set();
    const complete = () => expected[tag].every((summary) => seen.has(summary));
    for (let pass = 0; !complete() && Date.now() < deadline; pass++) {
      let y = sectionTop;
      let lastHeight = -1;
      for (let step = 0; step < 1000 && !complete(); step++) {
        window.scrollTo(0, y);
        await sleep(Math.min(60 * (pass + 1), 500));
        headings().filter((heading) => heading !== '').forEach((heading) => seen.add(heading));
        const height = document.documentElement.scrollHeight;
        if (y + window.innerHeight >= height && height === lastHeight) break;
        lastHeight = height;
        y += Math.max(200, window.innerHeight - 100);
      }
    }
    window.scrollTo(0, 0);
    pages[tag] = { hash: location.hash, headings: [...seen] };
  }
  return pages;
}
