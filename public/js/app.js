// The little the pages need from the browser: add and remove repeated rows in the nomination form, open the
// in-place finding form, check a ballot's arithmetic while it is typed, and follow a PDF job's progress.
(function () {
  'use strict';

  function addRow(button) {
    var group = button.closest('fieldset.group');
    var rows = group.querySelector(':scope > .rows');
    var template = group.querySelector(':scope > template');
    var placeholder = group.getAttribute('data-placeholder');
    var next = Number(group.getAttribute('data-next') || rows.children.length);
    group.setAttribute('data-next', String(next + 1));
    var html = template.innerHTML
      .split(placeholder + 'n')
      .join(String(next + 1))
      .split(placeholder)
      .join(String(next));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var item = holder.firstElementChild;
    rows.appendChild(item);
    var first = item.querySelector('input, select, textarea');
    if (first) first.focus();
  }

  function toggleFlag(button) {
    var form = document.getElementById(button.getAttribute('aria-controls'));
    if (!form) return;
    var open = form.hasAttribute('hidden');
    if (open) form.removeAttribute('hidden');
    else form.setAttribute('hidden', '');
    button.setAttribute('aria-expanded', String(open));
    if (open) form.querySelector('textarea').focus();
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var add = target.closest('[data-add-row]');
    if (add) {
      event.preventDefault();
      addRow(add);
      return;
    }
    var remove = target.closest('[data-remove-row]');
    if (remove) {
      event.preventDefault();
      var item = remove.closest('.row-item');
      var group = item.closest('fieldset.group');
      item.remove();
      var focus = group.querySelector('[data-add-row]');
      if (focus) focus.focus();
      return;
    }
    var flag = target.closest('[data-flag-toggle]');
    if (flag) {
      event.preventDefault();
      toggleFlag(flag);
    }
  });

  // Money fields show thousands separators as the clerk leaves them.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.getAttribute('data-kind') !== 'money') return;
    var digits = input.value.replace(/[\s.₫đ]/gi, '');
    if (/^\d+$/.test(digits)) input.value = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  });

  // A bulk table's header box ticks or clears every row box of its form on this page.
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.hasAttribute('data-check-all')) return;
    var prefix = box.getAttribute('data-check-all') + '[';
    var rows = document.querySelectorAll('input[type="checkbox"][form="' + box.getAttribute('form') + '"]');
    Array.prototype.forEach.call(rows, function (row) {
      if (row.name.indexOf(prefix) === 0) row.checked = box.checked;
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) summary.focus();
    if (window.AmnestyBallot) window.AmnestyBallot.init();
    if (window.AmnestyJobs) window.AmnestyJobs.init();
  });
})();
