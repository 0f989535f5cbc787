// NewsApi headlines widget: <script src="https://API/widget/headlines.js" data-count="5" data-tag="iraq" async></script>
// Renders the latest headlines where the script tag stands, right to left, inside a shadow root so the host page's
// styles neither break it nor are broken by it. No dependencies, no cookies, one request to the public JSON Feed.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  var count = Math.max(1, Math.min(30, parseInt(script.dataset.count || "5", 10) || 5));
  var feed = script.dataset.tag ? "/feeds/tags/" + encodeURIComponent(script.dataset.tag) + ".json"
    : script.dataset.section ? "/feeds/sections/" + encodeURIComponent(script.dataset.section) + ".json"
    : "/feeds/latest.json";

  var host = document.createElement("div");
  host.className = "newsapi-headlines";
  script.parentNode.insertBefore(host, script);
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;

  var style = document.createElement("style");
  style.textContent =
    ":host{display:block}" +
    ".box{font-family:system-ui,'Noto Naskh Arabic','Segoe UI',Tahoma,sans-serif;border:1px solid #ddd;border-radius:6px;padding:8px 12px;background:#fff;color:#111}" +
    "h2{font-size:1rem;margin:0 0 6px;color:#b00}" +
    "ul{list-style:none;margin:0;padding:0}" +
    "li{padding:6px 0;border-top:1px solid #eee;line-height:1.5}" +
    "li:first-child{border-top:0}" +
    "a{color:inherit;text-decoration:none}a:hover{text-decoration:underline}";
  root.appendChild(style);

  var box = document.createElement("div");
  box.className = "box";
  box.setAttribute("dir", "rtl");
  box.setAttribute("lang", "ar");
  root.appendChild(box);

  fetch(origin + feed, { credentials: "omit" })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (data) {
      var title = document.createElement("h2");
      title.textContent = data.title;
      box.appendChild(title);
      var list = document.createElement("ul");
      data.items.slice(0, count).forEach(function (item) {
        var entry = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.target = "_blank";
        link.rel = "noopener";
        link.setAttribute("dir", "auto");
        link.setAttribute("lang", item.language || "ar");
        // textContent, never innerHTML: headlines are text, whatever characters they hold.
        link.textContent = item.title;
        entry.appendChild(link);
        list.appendChild(entry);
      });
      box.appendChild(list);
      host.setAttribute("data-state", "ready");
    })
    .catch(function () {
      host.setAttribute("data-state", "error");
    });
})();
