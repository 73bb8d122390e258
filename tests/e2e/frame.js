// Sizes the iframe from ?w= and loads ?src= into it (both same-origin test URLs).
(function () {
  var q = new URLSearchParams(location.search);
  var f = document.getElementById('page');
  f.style.width = (Number(q.get('w')) || 375) + 'px';
  f.src = q.get('src') || '/www/';
})();
