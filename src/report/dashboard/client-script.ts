/**
 * The dashboard's only script, served as /assets/app.js (the policy allows scripts from the server itself and nothing
 * inline): keyboard labels in the review queue, label buttons, a reviewer name kept in this browser, and live
 * progress of running scans. Every state-changing request carries the header the server requires.
 */
export const CLIENT_SCRIPT = `'use strict';
const REVIEWER_KEY = 'redline.reviewer';
const reviewer = () => localStorage.getItem(REVIEWER_KEY) ?? document.body.dataset.reviewer ?? '';

async function send(url, method, body) {
  const response = await fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-redline-request': '1' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(payload.error ?? String(response.status));
  return payload;
}

function showStatus(box, text) {
  const status = box.querySelector('.label-status');
  if (status !== null) status.textContent = text;
}

function replacePanel(panel) {
  const current = document.getElementById('review-status');
  if (current !== null && typeof panel === 'string') {
    const template = document.createElement('template');
    template.innerHTML = panel;
    const fresh = template.content.firstElementChild;
    if (fresh !== null) current.replaceWith(fresh);
  }
}

async function label(verdict) {
  const box = document.querySelector('.keys[data-run]');
  if (box === null) return;
  const path = '/api/runs/' + encodeURIComponent(box.dataset.run) + '/attempts/' + box.dataset.seq + '/label';
  try {
    let result;
    if (verdict === 'undo') {
      result = await send(path + '?reviewer=' + encodeURIComponent(reviewer()), 'DELETE');
      showStatus(box, result.removed ? 'your label was taken back' : 'you had not labeled this attempt');
    } else {
      const reason = box.querySelector('input[name=reason]');
      result = await send(path, 'POST', { verdict, reviewer: reviewer(), note: reason !== null && reason.value !== '' ? reason.value : undefined });
      showStatus(box, 'labeled ' + (verdict === 'success' ? 'yes' : 'no'));
    }
    replacePanel(result.panel);
    const mine = document.getElementById('my-label');
    if (mine !== null) mine.textContent = verdict === 'undo' ? 'not labeled by you' : 'you said ' + (verdict === 'success' ? 'yes' : 'no');
    const queue = document.getElementById('queue');
    if (queue !== null && verdict !== 'undo' && queue.dataset.next) location.assign(queue.dataset.next);
    else if (queue === null) location.reload();
  } catch (error) {
    showStatus(box, 'not saved: ' + error.message);
  }
}

function go(which) {
  const queue = document.getElementById('queue');
  const target = queue === null ? document.querySelector('a[rel=' + which + ']')?.getAttribute('href') : queue.dataset[which];
  if (target) location.assign(target);
}

function typing(event) {
  const t = event.target;
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
  const keys = { '1': () => label('success'), '2': () => label('failure'), u: () => label('undo'), '0': () => go('next'),
    j: () => go('next'), ArrowRight: () => go('next'), k: () => go('prev'), ArrowLeft: () => go('prev'),
    '?': () => document.getElementById('help')?.showModal() };
  const action = keys[event.key];
  if (action === undefined) return;
  event.preventDefault();
  action();
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-label]') : null;
  if (button !== null) label(button.dataset.label);
});

function reviewerField() {
  const nav = document.querySelector('nav.top');
  if (nav === null) return;
  const field = document.createElement('label');
  field.className = 'reviewer';
  field.textContent = 'reviewer ';
  const input = document.createElement('input');
  input.name = 'reviewer';
  input.size = 12;
  input.value = reviewer();
  input.addEventListener('change', () => localStorage.setItem(REVIEWER_KEY, input.value.trim()));
  field.append(input);
  nav.append(field);
}

function followProgress() {
  const cells = [...document.querySelectorAll('[data-progress]')];
  if (cells.length === 0) return;
  const tick = async () => {
    for (const cell of cells) {
      try {
        const response = await fetch('/api/runs/' + encodeURIComponent(cell.dataset.progress) + '/progress', { credentials: 'same-origin' });
        if (!response.ok) continue;
        const progress = await response.json();
        cell.textContent = progress.recorded + ' / ' + progress.planned + (progress.status === 'running' ? '' : ' (' + progress.status + ')');
      } catch {}
    }
  };
  setInterval(tick, 2000);
}

reviewerField();
followProgress();
`;
