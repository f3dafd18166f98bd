/**
 * `/board/widget.js`: the floating window (飘窗) a portal page gets from one tag,
 *
 *   <script src="https://redblue.example/board/widget.js" async></script>
 *
 * It reads the board from the origin of its own `src` (`…/board/data.json`, public, CORS *) and
 * links to `…/board`, so the portal needs no configuration. Written as ES5 without dependencies
 * because company portals often run old browsers; CSS lives in a shadow root where available and
 * is otherwise scoped under unique class names. The only global is `window.RedBlueBoard`.
 *
 * Optional attributes on the tag: `data-mode="drift|dock"` (default drift; docked when the user
 * prefers reduced motion), `data-corner="bottom-right|bottom-left|top-right|top-left"`,
 * `data-speed` (pixels per second, default 60), `data-minimised="true"`.
 *
 * Kept as a string so it is served verbatim (no bundler, no transpiler helpers leaking in); tests
 * run it in a DOM and check it. No backticks or `${` inside.
 */
export const WIDGET_JS = String.raw`/* RedBlue 红蓝榜 floating window */
(function (window, document) {
  'use strict';
  var NS = 'RedBlueBoard';
  if (window[NS] && window[NS].loaded) return;

  var script = document.currentScript;
  if (!script || !/\/board\/widget\.js(?:[?#]|$)/.test(script.src || '')) {
    script = null;
    var tags = document.getElementsByTagName('script');
    for (var i = tags.length - 1; i >= 0; i--) {
      if (/\/board\/widget\.js(?:[?#]|$)/.test(tags[i].src || '')) { script = tags[i]; break; }
    }
  }
  var src = script ? script.src : '';
  var base = src.replace(/\/board\/widget\.js(?:[?#].*)?$/, '');
  var boardUrl = base + '/board';
  var dataUrl = base + '/board/data.json';
  function attr(name, fallback) {
    var v = script && script.getAttribute('data-' + name);
    return v === null || v === undefined || v === '' ? fallback : v;
  }
  var reduceMotion = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  var state = {
    mode: attr('mode', 'drift') === 'dock' || reduceMotion ? 'dock' : 'drift',
    corner: attr('corner', 'bottom-right'),
    speed: Math.max(5, Math.min(400, Number(attr('speed', '60')) || 60)),
    minimised: attr('minimised', 'false') === 'true',
    hovered: false,
    focused: false,
    closed: false,
    x: 0,
    y: 0,
    vx: 1,
    vy: 1,
    frame: 0,
    last: 0,
    data: null,
    error: false
  };
  var CLOSED_KEY = 'redblue-board-closed';
  try { if (window.sessionStorage && window.sessionStorage.getItem(CLOSED_KEY) === '1') return; } catch (e) { /* storage blocked */ }

  var CSS = [
    '.rbw{position:fixed;z-index:2147483000;width:300px;max-width:calc(100vw - 16px);font:14px/1.45 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;background:#fff;border:1px solid #d9b8b0;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.22);overflow:hidden;text-align:left}',
    '.rbw *{box-sizing:border-box}',
    '.rbw-head{display:flex;align-items:center;gap:4px;background:#b5121b;color:#fff;padding:6px 6px 6px 12px;cursor:default}',
    '.rbw-title{flex:1;font-weight:700;letter-spacing:.12em;font-size:15px;margin:0}',
    '.rbw-btn{border:0;background:rgba(255,255,255,.16);color:#fff;border-radius:4px;min-width:26px;height:24px;padding:0 6px;font:inherit;font-size:13px;cursor:pointer;line-height:24px}',
    '.rbw-btn:hover,.rbw-btn:focus{background:rgba(255,255,255,.32);outline:none}',
    '.rbw-body{max-height:min(45vh,340px);overflow:auto;padding:6px 12px 4px}',
    '.rbw-area{padding:6px 0;border-bottom:1px dashed #eadcd6}',
    '.rbw-area:last-child{border-bottom:0}',
    '.rbw-area-name{font-weight:700;color:#7a0c10}',
    '.rbw-round{color:#777;font-size:12px;margin-left:4px}',
    '.rbw-row{margin:3px 0 0;font-size:13px}',
    '.rbw-tag{display:inline-block;border-radius:9px;color:#fff;font-size:12px;padding:0 7px;margin-right:5px}',
    '.rbw-red .rbw-tag{background:#c1121f}',
    '.rbw-blue .rbw-tag{background:#1d4ed8}',
    '.rbw-red .rbw-names{color:#a4161a}',
    '.rbw-blue .rbw-names{color:#1e3a8a}',
    '.rbw-muted{color:#888}',
    '.rbw-foot{display:block;text-align:center;padding:8px;background:#fbeee6;color:#7a0c10;text-decoration:none;font-weight:700}',
    '.rbw-foot:hover,.rbw-foot:focus{background:#f6dccd}',
    '.rbw-min{width:auto}',
    '.rbw-min .rbw-body,.rbw-min .rbw-foot{display:none}'
  ].join('\n');

  var host = document.createElement('div');
  host.setAttribute('data-redblue-board', '');
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = document.createElement('style');
  style.appendChild(document.createTextNode(CSS));
  root.appendChild(style);

  var box = document.createElement('div');
  box.className = 'rbw';
  box.setAttribute('role', 'complementary');
  box.setAttribute('aria-label', '党建工作红蓝榜');
  root.appendChild(box);

  var head = document.createElement('div');
  head.className = 'rbw-head';
  var title = document.createElement('p');
  title.className = 'rbw-title';
  title.appendChild(document.createTextNode('红蓝榜'));
  head.appendChild(title);
  function button(label, text, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'rbw-btn';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.appendChild(document.createTextNode(text));
    b.addEventListener('click', function (event) { event.preventDefault(); action(); });
    head.appendChild(b);
    return b;
  }
  var pinButton = button('停靠到角落', '停靠', function () { state.mode === 'dock' ? api.drift() : api.dock(); });
  var minButton = button('最小化', '—', function () { state.minimised ? api.restore() : api.minimise(); });
  button('关闭', '×', function () { api.close(); });
  box.appendChild(head);

  var body = document.createElement('div');
  body.className = 'rbw-body';
  box.appendChild(body);

  var foot = document.createElement('a');
  foot.className = 'rbw-foot';
  foot.href = boardUrl;
  foot.target = '_blank';
  foot.rel = 'noopener';
  foot.appendChild(document.createTextNode('查看完整红蓝榜 ›'));
  box.appendChild(foot);

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.appendChild(document.createTextNode(text));
    return node;
  }
  function names(entries) {
    var out = [];
    for (var k = 0; k < entries.length; k++) out.push(entries[k].orgName);
    return out;
  }
  function line(kind, label, list) {
    var row = el('div', 'rbw-row rbw-' + kind);
    row.appendChild(el('span', 'rbw-tag', label));
    row.appendChild(list.length ? el('span', 'rbw-names', list.join('、')) : el('span', 'rbw-muted', '无'));
    return row;
  }
  function render() {
    while (body.firstChild) body.removeChild(body.firstChild);
    if (state.error) { body.appendChild(el('p', 'rbw-muted', '红蓝榜暂时无法加载')); return; }
    if (!state.data) { body.appendChild(el('p', 'rbw-muted', '正在加载…')); return; }
    var sections = state.data.sections || [];
    var shown = 0;
    for (var s = 0; s < sections.length; s++) {
      var section = sections[s];
      if (!section.round) continue;
      shown++;
      var area = el('div', 'rbw-area');
      var heading = el('div');
      heading.appendChild(el('span', 'rbw-area-name', section.areaName));
      heading.appendChild(el('span', 'rbw-round', section.round.name));
      area.appendChild(heading);
      var red = [];
      var blue = [];
      for (var c = 0; c < section.categories.length; c++) {
        red = red.concat(names(section.categories[c].red));
        blue = blue.concat(names(section.categories[c].blue));
      }
      area.appendChild(line('red', '红榜', red));
      area.appendChild(line('blue', '蓝榜', blue));
      body.appendChild(area);
    }
    if (!shown) body.appendChild(el('p', 'rbw-muted', '暂无已发布的考评结果'));
  }

  function load() {
    if (!window.XMLHttpRequest) return;
    var xhr = new window.XMLHttpRequest();
    xhr.open('GET', dataUrl, true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      if (xhr.status >= 200 && xhr.status < 300) {
        try { state.data = JSON.parse(xhr.responseText); state.error = false; } catch (e) { state.error = true; }
      } else {
        state.error = !state.data;
      }
      render();
      if (state.mode === 'dock') place();
    };
    xhr.send();
  }

  function viewport() {
    var d = document.documentElement;
    return { w: window.innerWidth || d.clientWidth, h: window.innerHeight || d.clientHeight };
  }
  var MARGIN = 12;
  function place() {
    var v = viewport();
    var w = box.offsetWidth;
    var h = box.offsetHeight;
    var s = box.style;
    s.left = s.top = s.right = s.bottom = '';
    if (state.mode === 'dock' || state.minimised) {
      var c = state.corner;
      if (c.indexOf('top') === 0) s.top = MARGIN + 'px'; else s.bottom = MARGIN + 'px';
      if (c.indexOf('left') >= 0) s.left = MARGIN + 'px'; else s.right = MARGIN + 'px';
      return;
    }
    state.x = Math.max(0, Math.min(state.x, v.w - w));
    state.y = Math.max(0, Math.min(state.y, v.h - h));
    s.left = Math.round(state.x) + 'px';
    s.top = Math.round(state.y) + 'px';
  }
  function paused() {
    return state.closed || state.mode !== 'drift' || state.minimised || state.hovered || state.focused;
  }
  function step(time) {
    state.frame = 0;
    if (state.closed || state.mode !== 'drift' || state.minimised) return;
    var dt = state.last ? Math.min(0.05, (time - state.last) / 1000) : 0;
    state.last = time;
    if (!paused() && dt > 0) {
      var v = viewport();
      var maxX = Math.max(0, v.w - box.offsetWidth);
      var maxY = Math.max(0, v.h - box.offsetHeight);
      state.x += state.vx * state.speed * dt;
      state.y += state.vy * state.speed * dt;
      if (state.x <= 0) { state.x = 0; state.vx = Math.abs(state.vx); }
      if (state.x >= maxX) { state.x = maxX; state.vx = -Math.abs(state.vx); }
      if (state.y <= 0) { state.y = 0; state.vy = Math.abs(state.vy); }
      if (state.y >= maxY) { state.y = maxY; state.vy = -Math.abs(state.vy); }
      place();
    }
    schedule();
  }
  function schedule() {
    if (state.frame || state.closed || state.mode !== 'drift' || state.minimised) return;
    var raf = window.requestAnimationFrame || function (cb) { return window.setTimeout(function () { cb(new Date().getTime()); }, 16); };
    state.frame = raf(step);
  }
  function stop() {
    if (!state.frame) return;
    var caf = window.cancelAnimationFrame || window.clearTimeout;
    caf(state.frame);
    state.frame = 0;
  }
  function refreshChrome() {
    box.className = state.minimised ? 'rbw rbw-min' : 'rbw';
    pinButton.firstChild.nodeValue = state.mode === 'dock' ? '漂浮' : '停靠';
    pinButton.setAttribute('aria-label', state.mode === 'dock' ? '恢复漂浮' : '停靠到角落');
    pinButton.title = pinButton.getAttribute('aria-label');
    pinButton.style.display = state.minimised ? 'none' : '';
    minButton.firstChild.nodeValue = state.minimised ? '□' : '—';
    minButton.setAttribute('aria-label', state.minimised ? '还原' : '最小化');
    minButton.title = minButton.getAttribute('aria-label');
    place();
  }

  box.addEventListener('mouseenter', function () { state.hovered = true; });
  box.addEventListener('mouseleave', function () { state.hovered = false; state.last = 0; });
  box.addEventListener('focusin', function () { state.focused = true; });
  box.addEventListener('focusout', function () { state.focused = false; state.last = 0; });
  window.addEventListener('resize', function () { place(); });

  var api = {
    loaded: true,
    version: 1,
    boardUrl: boardUrl,
    dataUrl: dataUrl,
    element: host,
    state: function () {
      return { mode: state.mode, corner: state.corner, minimised: state.minimised, closed: state.closed, paused: paused(), x: state.x, y: state.y };
    },
    drift: function () { state.mode = 'drift'; state.last = 0; refreshChrome(); schedule(); },
    dock: function (corner) {
      if (corner) state.corner = String(corner);
      state.mode = 'dock';
      stop();
      refreshChrome();
    },
    minimise: function () { state.minimised = true; stop(); refreshChrome(); },
    restore: function () { state.minimised = false; state.last = 0; refreshChrome(); schedule(); },
    open: function () { window.open(boardUrl, '_blank', 'noopener'); },
    refresh: load,
    close: function () {
      state.closed = true;
      stop();
      if (host.parentNode) host.parentNode.removeChild(host);
      try { if (window.sessionStorage) window.sessionStorage.setItem(CLOSED_KEY, '1'); } catch (e) { /* storage blocked */ }
    }
  };
  window[NS] = api;

  function start() {
    document.body.appendChild(host);
    render();
    var v = viewport();
    state.x = Math.max(0, (v.w - box.offsetWidth) * 0.15);
    state.y = Math.max(0, (v.h - box.offsetHeight) * 0.2);
    refreshChrome();
    schedule();
    load();
    window.setInterval(function () { if (!state.closed) load(); }, 10 * 60 * 1000);
  }
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})(window, document);
`
