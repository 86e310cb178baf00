// Search over Pagefind's index (pagefind/, written after each build). The index is fetched on the
// first query and in pieces: only the chunks of the words asked for, in the page's language. The
// form works without this script: it leads to the search page, which then says it needs it.
// On the 404 page, the words of the missing address are searched at once.
const form = document.querySelector("form[data-search]");

if (form) {
  const input = form.elements.q;
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const plural = new Intl.PluralRules(document.documentElement.lang);
  let engine;

  const load = () => (engine ??= import(form.dataset.bundle + "pagefind.js").then(async (pagefind) => {
    await pagefind.options({ baseUrl: form.dataset.base, excerptLength: 24 });
    return pagefind;
  }));

  const say = (template, query, count) => template.replace("{count}", count).replace("{query}", query);

  // Pagefind's excerpt is the page's text, escaped, with <mark> around the words found: only
  // those marks become elements, everything else stays text.
  const excerptOf = (html) => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  };

  const resultOf = (data) => {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    heading.append(link);
    item.append(heading);
    const details = [data.meta.date, data.meta.category].filter(Boolean).join(" · ");
    if (details) {
      const meta = document.createElement("p");
      meta.className = "search-results__meta";
      meta.textContent = details;
      item.append(meta);
    }

    const excerpt = document.createElement("p");
    excerpt.className = "search-results__excerpt";
    excerpt.append(...excerptOf(data.excerpt));
    item.append(excerpt);
    return item;
  };

  const search = async (asked) => {
    const query = asked.trim();
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }

    let found;
    try {
      found = await (await load()).debouncedSearch(query, {}, 200);
    } catch {
      status.textContent = form.dataset.error;
      return;
    }

    if (found === null) return; // a newer query replaced this one
    shown = { query, results: found.results, count: 0 };
    list.replaceChildren();
    await showMore();
    const count = found.results.length;
    const template = count === 0 ? form.dataset.none : plural.select(count) === "one" ? form.dataset.one : form.dataset.other;
    status.textContent = say(template, query, count);
  };

  // Ten results at a time: each one shown costs its fragment (about 3 KB), the others nothing.
  let shown = { query: "", results: [], count: 0 };
  const more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = form.dataset.more;
  more.hidden = true;
  list.after(more);
  const showMore = async () => {
    const batch = shown.results.slice(shown.count, shown.count + 10);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (input.value.trim() !== shown.query) return;
    const items = data.map(resultOf);
    list.append(...items);
    shown.count += batch.length;
    more.hidden = shown.count >= shown.results.length;
    return items[0];
  };
  more.addEventListener("click", async () => {
    const first = await showMore();
    first?.querySelector("a").focus(); // the reader goes on from the first new result
  });

  // The words of an address: /2024/11/guide-ia-locale/ → "guide ia locale".
  const wordsOf = (path) => decodeURIComponent(path.slice(form.dataset.base.length))
    .split(/[\/\-_.+]+/)
    .filter((word) => word && !/^\d+$/.test(word) && !["index", "html", "htm", "page"].includes(word))
    .join(" ");

  const fromPath = "fromPath" in form.dataset;
  input.addEventListener("input", () => search(input.value));
  if (!fromPath) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
      search(input.value);
    });
  }

  const first = fromPath ? wordsOf(location.pathname) : new URLSearchParams(location.search).get("q");
  if (first) {
    input.value = first;
    search(first);
  }
}
