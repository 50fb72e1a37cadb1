/**
 * The paywall embed publishers add to their own article pages:
 *
 *   <div data-postwire-paywall></div>
 *   <script src="https://<postwire>/embed.js" async></script>
 *
 * It looks the page's article up by its canonical address, offers
 * "Read on postwire", and takes the reader there (with the page as the way
 * back). Back on the page after an unlock, it takes the entitlement token from
 * the address fragment, removes it from the address bar, and hands it to the
 * page as a `postwire:entitled` event, for the publisher's server to verify
 * with postwire's public keys. Plain ES2017, no dependencies; it renders into
 * a shadow root so the page's styles and its own never mix, and writes text,
 * never markup, from the API.
 */
export const EMBED_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(script.src).origin;
  var TOKEN = /(?:^#|&)postwire_token=([A-Za-z0-9._-]+)/;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }

  function mount(container) {
    var root = container.attachShadow ? container.attachShadow({ mode: 'open' }) : container;
    root.appendChild(el('style', {}, [
      ':host{display:block}' +
      '.pw{font:16px/1.5 system-ui,sans-serif;color:#1b1b1f;border:2px solid #0b57d0;border-radius:10px;padding:14px 18px;margin:16px 0;background:#f5f5f7}' +
      '.pw p{margin:0 0 10px}.pw .small{font-size:14px;color:#55555f}' +
      '.pw a{display:inline-block;background:#0b57d0;color:#fff;font-weight:600;text-decoration:none;border-radius:6px;padding:8px 16px}' +
      '.pw a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}'
    ]));
    var box = el('section', { class: 'pw', 'aria-label': 'Read on postwire' });
    root.appendChild(box);
    return box;
  }

  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return (canonical && canonical.href) || location.href.split('#')[0];
  }

  function points(count) { return count + (count === 1 ? ' point' : ' points'); }

  function offerText(offer) {
    if (offer.price === 0) return 'Read on postwire: free';
    if (offer.freeArticlesPerMonth > 0) return 'Read on postwire: free with your monthly article, or for ' + points(offer.price);
    return 'Read on postwire for ' + points(offer.price);
  }

  function render(container, found) {
    var box = mount(container);
    var back = location.href.split('#')[0];
    var link = found.readUrl + '?return=' + encodeURIComponent(back);
    var plans = found.offer.plans.map(function (plan) { return plan.name + ' ' + plan.displayPrice; }).join(' · ');
    box.appendChild(el('p', {}, [el('strong', {}, [offerText(found.offer)])]));
    box.appendChild(el('p', { class: 'small' }, ['One wallet for every publisher on postwire. New readers get starter points.' + (plans ? ' Or subscribe: ' + plans + '.' : '')]));
    box.appendChild(el('a', { href: link }, ['Read on postwire']));
  }

  function renderEntitled(container) {
    var box = mount(container);
    box.appendChild(el('p', { role: 'status' }, [el('strong', {}, ['Unlocked on postwire: you can read this article.'])]));
  }

  var containers = Array.prototype.slice.call(document.querySelectorAll('[data-postwire-paywall]'));
  if (containers.length === 0) {
    var created = el('div', { 'data-postwire-paywall': '' });
    script.parentNode.insertBefore(created, script.nextSibling);
    containers = [created];
  }

  var match = TOKEN.exec(location.hash);
  if (match) {
    var token = match[1];
    // Out of the address bar, so it is neither bookmarked nor shared.
    history.replaceState(history.state, '', location.href.split('#')[0]);
    containers.forEach(renderEntitled);
    document.dispatchEvent(new CustomEvent('postwire:entitled', { detail: { token: token, jwks: base + '/.well-known/jwks.json' } }));
    return;
  }

  fetch(base + '/v1/articles/by-url?url=' + encodeURIComponent(pageUrl()), { credentials: 'omit' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (found) { if (found) containers.forEach(function (container) { render(container, found); }); })
    .catch(function () { /* Not on postwire, or not reachable: the page stays as it is. */ });
})();
`;
