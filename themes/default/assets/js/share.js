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
