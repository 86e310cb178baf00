// Click-to-play videos: each facade's link becomes a button; the host's player (its
// privacy-enhanced address) is loaded only when the reader presses it. Without this script the
// facade stays a plain link to the video's page.
document.querySelectorAll(".video[data-embed]").forEach(function (figure) {
  var link = figure.querySelector(".video__link");
  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.setAttribute("aria-label", figure.dataset.play);
  while (link.firstChild) button.appendChild(link.firstChild);
  link.replaceWith(button);
  button.addEventListener("click", function () {
    var player = document.createElement("iframe");
    player.src = figure.dataset.embed;
    player.title = figure.dataset.title;
    player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    player.className = "video__player";
    button.replaceWith(player);
    player.focus();
  });
});
