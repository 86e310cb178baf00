// Where the browser can share natively (phones, mostly), a button for it joins the share links.
const box = document.querySelector(".share[data-share-url]");
if (box && navigator.share) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "share__native";
  button.textContent = box.dataset.shareLabel;
  button.addEventListener("click", () => navigator.share({ title: box.dataset.shareTitle, url: box.dataset.shareUrl }).catch(() => {}));
  const item = document.createElement("li");
  item.append(button);
  box.querySelector("ul").prepend(item);
}

// Mastodon: the reader's own server, from what they typed (with or without https://), remembered.
const mastodon = document.querySelector("form[data-mastodon-share]");
if (mastodon) {
  const field = mastodon.elements.server;
  try { field.value = localStorage.getItem("mastodon-server") || ""; } catch {}
  mastodon.addEventListener("submit", (event) => {
    event.preventDefault();
    const server = (field.value.trim() || field.placeholder).replace(/^https?:\/\//i, "").split(/[/?#]/)[0].toLowerCase();
    if (!/^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/.test(server)) {
      field.setCustomValidity(field.placeholder);
      field.reportValidity();
      field.setCustomValidity("");
      return;
    }
    try { localStorage.setItem("mastodon-server", server); } catch {}
    window.open("https://" + server + "/share?text=" + encodeURIComponent(mastodon.elements.text.value), "_blank", "noopener");
  });
}
