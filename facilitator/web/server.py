"""The local web page: make a session, edit its plan, build it and take the pack away.

Every page is rendered on the server from the Jinja2 templates in ``templates/`` (autoescaped);
the little JavaScript in ``static/app.js`` only polls a build's progress. The page calls the same
functions as ``facilitator pack`` (:mod:`facilitator.build.pipeline`): the request is checked by
:class:`~facilitator.request.BuildRequest`, the plan by the planner's rules, and a build is the
same build, published into a folder of its own (see :mod:`facilitator.web.workspace`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from flask import Flask, Response, abort, jsonify, redirect, render_template, request, send_file, session, url_for

from facilitator.errors import FacilitatorError, Problem
from facilitator.web import forms
from facilitator.web.guard import Guard, csrf_ok, new_csrf
from facilitator.web.workspace import Build, Draft, Workspace, zip_folder

log = logging.getLogger("facilitator.web")
ROLES = ("helpline", "crisis", "hotline", "emergency", "police", "other")


class Languages:
    """The languages the page offers (English, the shipped locales, the locale packs of
    ``--locales DIR``), each loaded once: key -> what ``--locale`` takes."""

    def __init__(self, folder: Path | None = None) -> None:
        from facilitator.localepack import shipped_locales

        self.choices: dict[str, str | None] = {"en": None}
        for name in shipped_locales():
            self.choices[name] = name
        if folder is not None:
            for sub in sorted(Path(folder).iterdir()):
                if (sub / "locale.yaml").is_file() and not sub.is_symlink():
                    self.choices.setdefault(f"pack-{sub.name}", str(sub))
        self._loaded: dict[str, Any] = {}
        self._labels: dict[str, str] = {}
        self._lock = threading.Lock()

    def label(self, key: str) -> str:
        """The language's own name and its country, e.g. "Nederlands (NL)"; worked out once."""
        if key not in self._labels:
            self._labels[key] = self._label(key)
        return self._labels[key]

    def _label(self, key: str) -> str:
        from babel import Locale, UnknownLocaleError

        if key == "en":
            return "English"
        from facilitator.localepack import load_locale, resolve

        try:  # the locale's own file only: its catalog is parsed when the language is first used
            info = load_locale(resolve(str(self.choices[key])))
            name = Locale.parse(info.language.replace("-", "_")).get_display_name(info.language.replace("-", "_")) or info.language
            return f"{name[:1].upper()}{name[1:]} ({info.country})" + (" — draft" if info.draft else "")
        except (FacilitatorError, UnknownLocaleError, ValueError):
            return key

    def language_code(self, key: str) -> str:
        return "en" if key == "en" else self.loaded(key).locale.language

    def loaded(self, key: str) -> Any:
        """The library (and locale pack) for ``key``, read once."""
        from facilitator.build.pipeline import load
        from facilitator.request import BuildRequest

        with self._lock:
            if key not in self._loaded:
                self._loaded[key] = load(BuildRequest.from_options(locale=self.choices[key]))
            return self._loaded[key]


@lru_cache(maxsize=1)
def topic_lines() -> dict[str, str]:
    with (Path(__file__).parent / "topics.yaml").open(encoding="utf-8") as f:
        return dict(yaml.safe_load(f))


def create_app(guard: Guard, workspace: Workspace | None = None, locales: Path | None = None) -> Flask:
    """The page, checked by ``guard``, keeping its drafts in ``workspace``."""
    import secrets

    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)  # sessions end when the page stops
    app.config.update(MAX_CONTENT_LENGTH=sum(forms.LIMITS.values()) + 1024 * 1024, SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True)
    space = workspace or Workspace()
    languages = Languages(locales)
    app.extensions["facilitator"] = {"workspace": space, "languages": languages, "guard": guard}

    @app.before_request
    def check() -> Any:
        if not guard.host_ok(request.host):
            return calm("This page only answers at its own address. Open the address printed in the terminal.", 403)
        if guard.network and not session.get("allowed"):
            if not guard.token_ok(request.args.get("token")):
                return calm("This page needs its token. Open the whole address printed in the terminal, with ?token= at its end.", 403)
            session["allowed"] = True
        session.setdefault("csrf", new_csrf())
        if request.method == "POST":
            if not guard.origin_ok(request.headers.get("Origin") or request.headers.get("Referer"), request.host):
                return calm("This form was sent from another web page, so it was refused.", 403)
            if not csrf_ok(session.get("csrf"), request.form.get("csrf")):
                return calm("This form has expired. Go back, reload the page and send it again.", 400)
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = "default-src 'self'; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would make browsers send Origin: null
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def too_large(_: Exception) -> Any:
        return calm(f"That upload is too large: a template may be up to {forms.LIMITS['template'] // (1024 * 1024)} MB, a plan or contacts file {forms.LIMITS['plan'] // 1024} KB.", 413)

    @app.errorhandler(404)
    def not_found(_: Exception) -> Any:
        return calm("There is nothing at this address. Sessions made on this page are kept for two hours.", 404)

    @app.errorhandler(Exception)
    def fault(exc: Exception) -> Any:
        from werkzeug.exceptions import HTTPException

        if isinstance(exc, HTTPException):
            return calm(exc.description or "That did not work.", exc.code or 400)
        log.exception("the page failed")
        return calm("Something went wrong on this page. The details are in the terminal where it was started; please report them.", 500)

    def calm(message: str, status: int) -> Any:
        return render_template("message.html", message=message), status

    def page(name: str, **values: Any) -> str:
        return render_template(name, csrf=session.get("csrf", ""), **values)

    def draft_or_404(draft_id: str) -> Draft:
        draft = space.get(draft_id)
        if draft is None:
            abort(404)
        return draft

    # Make a session -------------------------------------------------------------------------

    def session_page(form: Any = None, errors: forms.Errors | None = None, status: int = 200) -> Any:
        from facilitator.model.audience import BANDS

        loaded = languages.loaded("en")
        return page("session.html", bands=BANDS, topics=[(t, topic_lines().get(t, "")) for t in loaded.library.topics()],
                    languages=[(k, languages.label(k)) for k in languages.choices], roles=ROLES, form=form or {}, errors=errors or {},
                    today=dt.date.today().isoformat()), status

    @app.get("/")
    def index() -> Any:
        return session_page()

    @app.post("/session")
    def make_session() -> Any:
        from facilitator.build.pipeline import plan_for
        from facilitator.request import BuildRequest

        errors: forms.Errors = {}
        options = forms.session_options(request.form, errors)
        key = request.form.get("language") or "en"
        if key not in languages.choices:
            forms.add(errors, "language", "is not one of the languages offered (choose one from the list)")
            key = "en"
        draft_id, folder = space.new_folder()
        uploads: dict[str, Path] = {}
        template = forms.save_upload(request.files.get("template"), "template", folder / "template.pptx", errors)
        if template:
            uploads["template"] = options["template"] = template
        contacts = forms.save_upload(request.files.get("contacts"), "contacts", folder / "contacts.yaml", errors)
        if contacts is None and forms.contact_form_given(request.form):
            contacts = forms.write_contact_form(request.form, folder / "contacts.yaml", errors)
        if contacts:
            uploads["contacts"] = options["contacts"] = contacts
        plan = None
        try:  # every field is checked, so all the problems show at once
            req = BuildRequest.from_options(out_dir=folder / "pack", locale=languages.choices[key], **options)
            plan = plan_for(req, languages.loaded(key).library)
        except FacilitatorError as exc:
            forms.place(errors, exc, uploads)
        if errors or plan is None:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
            return session_page(request.form, errors, 400)
        space.add(Draft(draft_id, folder, {**options, "locale": languages.choices[key]}, plan, key))
        return redirect(url_for("plan_page", draft_id=draft_id), 303)

    # See and edit the plan ------------------------------------------------------------------

    def plan_view(draft: Draft, errors: forms.Errors | None = None, status: int = 200) -> Any:
        from facilitator.planner import titles_of

        loaded = languages.loaded(draft.language)
        library, plan = loaded.library, draft.plan
        titles = titles_of(library, plan)
        words = _words(loaded)
        reasons = dict(plan.left_out)
        planned = {b.section_id for b in plan.blocks}
        band = plan.audience.band
        from facilitator.schema import pick

        out = [s for s in library.ordered() if s.id not in planned and not s.facilitator_only]
        # What suits the age but did not fit comes first; what is for older groups is folded away.
        left_out = [(pick(s.title, band), reasons[s.id].text(words) if s.id in reasons else "removed from the plan on this page") for s in out if plan.audience.admits(s)]
        older = [(pick(s.title, band), reasons[s.id].text(words) if s.id in reasons else "") for s in out if not plan.audience.admits(s)]
        can_add = [(s.id, pick(s.title, band), s.minutes, pick(s.participant.why, band) if s.participant.why else "")
                   for s in library.ordered() if s.id not in planned and not s.facilitator_only and plan.audience.admits(s)]
        return page("plan.html", draft=draft, plan=plan, rows=[(clock, b, titles.get(b.section_id, b.section_id)) for clock, b in plan.clock()],
                    left_out=left_out, older=older, can_add=can_add, errors=errors or {}, lang=languages.language_code(draft.language)), status

    @app.get("/s/<draft_id>/plan")
    def plan_page(draft_id: str) -> Any:
        return plan_view(draft_or_404(draft_id))

    @app.post("/s/<draft_id>/plan")
    def edit_plan(draft_id: str) -> Any:
        from facilitator.model.plan import Block
        from facilitator.planner import validate_plan

        draft = draft_or_404(draft_id)
        library = languages.loaded(draft.language).library
        blocks = list(draft.plan.blocks)
        errors: forms.Errors = {}
        for i, b in enumerate(blocks):  # every minutes box, as typed
            typed = (request.form.get(f"minutes-{i}") or "").strip()
            if typed and typed != str(b.minutes):
                if typed.isdigit() and 1 <= int(typed) <= 180:
                    blocks[i] = Block(b.section_id, int(typed))
                else:
                    forms.add(errors, f"block-{i}", f"'{typed}' is not a number of minutes (use a whole number from 1 to 180)")
        action, _, where = (request.form.get("action") or "").partition(":")
        index = int(where) if where.isdigit() and int(where) < len(blocks) else None
        if action == "up" and index:
            blocks[index - 1], blocks[index] = blocks[index], blocks[index - 1]
        elif action == "down" and index is not None and index + 1 < len(blocks):
            blocks[index + 1], blocks[index] = blocks[index], blocks[index + 1]
        elif action == "remove" and index is not None:
            del blocks[index]
        elif action == "add":
            sid = request.form.get("section") or ""
            if sid not in library:
                forms.add(errors, "add", "choose a section from the list")
            else:
                # In before the session's closing blocks (where to get help, the close).
                at = len(blocks)
                while at > 0 and library[blocks[at - 1].section_id].kind in ("contacts", "closing"):
                    at -= 1
                blocks.insert(at, Block(sid, library[sid].minutes))
        if errors:
            return plan_view(draft, errors, 400)
        edited = replace(draft.plan, blocks=tuple(blocks))
        found = validate_plan(edited, library) if blocks else [(0, Problem(message="the plan has no blocks", hint="add a section"))]
        if found:
            for i, problem in found:
                forms.add(errors, "plan" if action == "remove" else f"block-{min(i, len(draft.plan.blocks) - 1)}", problem)
            return plan_view(draft, errors, 400)
        draft.plan = edited
        return redirect(url_for("plan_page", draft_id=draft_id) + (f"#block-{where}" if where else ""), 303)

    @app.get("/s/<draft_id>/plan.yaml")
    def plan_download(draft_id: str) -> Any:
        from facilitator.planner import plan_to_yaml, titles_of

        draft = draft_or_404(draft_id)
        plan = replace(draft.plan, contacts="contacts.yaml" if "contacts" in draft.options else "")
        text = plan_to_yaml(plan, titles_of(languages.loaded(draft.language).library, plan))
        return Response(text, mimetype="text/yaml", headers={"Content-Disposition": 'attachment; filename="plan.yaml"'})

    @app.post("/s/<draft_id>/plan.yaml")
    def plan_upload(draft_id: str) -> Any:
        from facilitator.planner import read_plan

        draft = draft_or_404(draft_id)
        errors: forms.Errors = {}
        path = forms.save_upload(request.files.get("plan"), "plan", draft.folder / "uploaded-plan.yaml", errors)
        if path is None:
            errors.setdefault("plan", ["choose a plan.yaml file to upload"])
            return plan_view(draft, errors, 400)
        try:
            plan = read_plan(path, languages.loaded(draft.language).library)
        except FacilitatorError as exc:
            forms.place(errors, exc, {"plan": path})
            return plan_view(draft, errors, 400)
        finally:
            path.unlink(missing_ok=True)
        # The plan's own contacts file is a path on someone's computer: never read from the browser.
        draft.plan = replace(plan, contacts="")
        return redirect(url_for("plan_page", draft_id=draft_id), 303)

    # Build and take it away -----------------------------------------------------------------

    @app.post("/s/<draft_id>/build")
    def start_build(draft_id: str) -> Any:
        draft = draft_or_404(draft_id)
        build = space.start_build(draft, lambda b: _run_build(b, draft, languages))
        return redirect(url_for("build_page", draft_id=draft_id, build_id=build.id), 303)

    def build_or_404(draft_id: str, build_id: str) -> tuple[Draft, Build]:
        draft = draft_or_404(draft_id)
        build = draft.builds.get(build_id)
        if build is None:
            abort(404)
        return draft, build

    @app.get("/s/<draft_id>/build/<build_id>")
    def build_page(draft_id: str, build_id: str) -> Any:
        draft, build = build_or_404(draft_id, build_id)
        return page("build.html", draft=draft, build=build, lang=languages.language_code(draft.language))

    @app.get("/s/<draft_id>/build/<build_id>/status")
    def build_status(draft_id: str, build_id: str) -> Any:
        _, build = build_or_404(draft_id, build_id)
        return jsonify(state=build.state, step=build.step, done=build.done_steps, total=build.total_steps)

    @app.get("/s/<draft_id>/build/<build_id>/files/<name>")
    def build_file(draft_id: str, build_id: str, name: str) -> Any:
        _, build = build_or_404(draft_id, build_id)
        if build.state != "done" or name not in {n for n, _ in build.files}:
            abort(404)
        inline = name.endswith(".pdf")
        return send_file(build.folder / name, as_attachment=not inline, download_name=name)

    @app.get("/s/<draft_id>/build/<build_id>/session-pack.zip")
    def build_zip(draft_id: str, build_id: str) -> Any:
        _, build = build_or_404(draft_id, build_id)
        if build.state != "done":
            abort(404)
        names = sorted(p.name for p in build.folder.iterdir() if p.is_file())
        return Response(zip_folder(build.folder, names), mimetype="application/zip", headers={"Content-Disposition": 'attachment; filename="session-pack.zip"'})

    # Browse the library ---------------------------------------------------------------------

    def library_args() -> tuple[Any, str, Any]:
        from facilitator.model.audience import parse_audience

        key = request.args.get("language") or "en"
        if key not in languages.choices:
            abort(404)
        try:
            audience = parse_audience(request.args.get("age") or "13-15")
        except FacilitatorError:
            audience = parse_audience("13-15")
        return languages.loaded(key), key, audience

    @app.get("/library")
    def library_page() -> Any:
        from facilitator.schema import pick

        loaded, key, audience = library_args()
        rows = [(s.id, pick(s.title, audience.band), s.kind, s.minutes, s.min_age) for s in loaded.library.ordered()
                if not s.facilitator_only and audience.admits(s)]
        return page("library.html", rows=rows, audience=audience, language=key, languages=[(k, languages.label(k)) for k in languages.choices],
                    lang=languages.language_code(key))

    @app.get("/library/<section_id>")
    def section_page(section_id: str) -> Any:
        from facilitator.assemble import facilitator_view, participant_view
        from facilitator.plaintext import facilitator_text, participant_text

        loaded, key, audience = library_args()
        library = loaded.library
        if section_id not in library or not (library[section_id].facilitator_only or audience.admits(library[section_id])):
            abort(404)
        s = library[section_id]
        code = languages.language_code(key)
        words = _words(loaded)
        seen = participant_text(participant_view(s, audience.band, code), words) if not s.facilitator_only else []
        notes = facilitator_text(facilitator_view(s, audience.band, code), words)
        return page("section.html", section=s, title=seen[0] if seen else s.id, participant="\n".join(seen[2:]), facilitator="\n".join(notes[2:]),
                    audience=audience, language=key, lang=code)

    return app


def _words(loaded: Any) -> Any:
    from facilitator.model import Words

    return Words(loaded.locale.lookup, loaded.locale.language) if loaded.locale else Words()


def _run_build(build: Build, draft: Draft, languages: Languages) -> None:
    """Build ``draft`` into ``build.folder`` with the pipeline, as ``facilitator pack`` does."""
    from facilitator.build.pipeline import build as build_pack
    from facilitator.planner import naming_contacts
    from facilitator.request import BuildRequest

    options = dict(draft.options)
    contacts = options.get("contacts")
    build.folder.mkdir()
    if contacts:  # the pack carries its contacts file, as plan.yaml names it
        options["contacts"] = build.folder / "contacts.yaml"
        options["contacts"].write_bytes(Path(contacts).read_bytes())
    request = BuildRequest.from_options(out_dir=build.folder, **options)
    build.total_steps = len(request.only)
    plan = naming_contacts(draft.plan, options["contacts"], build.folder) if contacts else draft.plan

    def progress(name: str) -> None:
        build.step = name
        build.done_steps = min(build.done_steps + 1, build.total_steps)

    result = build_pack(request, languages.loaded(draft.language), plan=plan, progress=progress)
    build.files = [(name, about) for name, (path, about) in result.files.items() if path.is_file()]
    build.warnings = result.warnings
    deck = build.folder / "deck.pptx"
    if deck.is_file():
        from pptx import Presentation

        build.slide_titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in Presentation(str(deck)).slides]
