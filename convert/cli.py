"""The `newsconv` command line: parse options, call the API, render messages, pick the exit code.

Why so thin: every behaviour lives in the library, where the API, batch runs and tests reach it
too. Heavy modules (lxml, jsonschema, python-docx) are imported inside the commands, so
`newsconv --help` starts fast.

Exit codes: 0 all good · 1 invalid input or failed validation (or warnings with --strict) ·
2 usage error · 3 an output could not be written (I/O).
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3

EXIT_CODES_HELP = (
    "Exit codes: 0 all good; 1 invalid input or failed validation (or warnings with --strict); "
    "2 usage error; 3 an output could not be written."
)


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_messages(msgs, *, color: bool, quiet: int = 0, verbose: int = 0) -> None:
    """Write messages to stderr as `file:line:col: CODE severity: text`."""
    for m in msgs:
        if quiet and m.severity != "error":
            continue
        if m.severity == "info" and quiet:
            continue
        line = m.render()
        if color:
            line = line.replace(f"{m.code} {m.severity}:", click.style(f"{m.code} {m.severity}:", fg=_SEVERITY_COLOUR.get(m.severity), bold=True), 1)
        click.echo(line, err=True)
        if verbose and m.hint:
            click.echo(f"    hint: {m.hint}", err=True)


def _writer_names() -> list[str]:
    from .writers import available

    return list(available())


def _formats_arg(value: str) -> list[str]:
    names = _writer_names()
    wanted = names if value == "all" else [v.strip() for v in value.split(",") if v.strip()]
    unknown = [w for w in wanted if w not in names]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; valid formats: {', '.join(names)}, all")
    return wanted


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(version=__version__, prog_name="newsconv")
def main() -> None:
    """newsconv: convert plain-text news articles into a validated model and export it as
    NewsML-G2, JSON-LD, DOCX and more; validate articles and exports in CI."""


@main.command("convert", epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-t", "--to", "to", default="json", show_default=True,
              help="Output format(s), comma-separated, or 'all' (see `newsconv formats`).")
@click.option("-f", "--from", "from_", default=None,
              help="Input format (default: from the file suffix, else the content).")
@click.option("-o", "--output", default=None,
              help="Output file, '-' for stdout, or a folder (one file per input and format).")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@click.option("--created", default=None, help="ISO 8601 date-time to stamp where the article gives none.")
@click.option("--provider", default=None, help="Provider name for NewsML-G2 / publisher for JSON-LD.")
@click.option("--base-iri", default=None, help="Base IRI for JSON-LD @ids (default from the article id).")
@click.option("--ninjs-version", type=click.Choice(["3.1", "2.2"]), default="3.1", show_default=True,
              help="ninjs schema version to write.")
@click.option("--max-bytes", type=int, default=None, envvar="NEWSCONV_MAX_BYTES",
              help="Refuse inputs larger than this many bytes (default 20 MiB).")
@click.option("--strict", is_flag=True, help="Exit 1 when any warning is reported.")
@click.option("-q", "--quiet", count=True, help="Only report errors.")
@click.option("-v", "--verbose", count=True, help="Also print fix hints.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--input-dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Batch: convert every article under this folder (see --include).")
@click.option("--output-dir", type=click.Path(file_okay=False), default=None,
              help="Batch: write the outputs and manifest.jsonl here.")
@click.option("--keep-dirs", is_flag=True,
              help="Batch: mirror the input tree (default: shard into folders of at most 1000 files).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Batch: worker processes (default: one per CPU).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Batch: convert files matching GLOB (repeatable; default *.txt and *.text).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Batch: skip files and folders matching GLOB.")
@click.option("--resume", is_flag=True, help="Batch: skip articles already done and unchanged; redo the rest.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS|local",
              help="Batch: run on a Dask scheduler at ADDRESS, or on a local Dask cluster (newsconv[dask]).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=None,
              help="Batch: articles per task sent to a worker (default 32; 64 on Dask).")
def convert_cmd(inputs, to, from_, output, force, created, provider, base_iri, ninjs_version, max_bytes,
                strict, quiet, verbose, color, input_dir, output_dir, keep_dirs, jobs, include, exclude, resume,
                dask_address, chunk_size) -> None:
    """Convert article(s) to the given format(s). INPUTS are files, or '-' for stdin; or a whole
    folder with --input-dir IN --output-dir OUT (parallel, resumable, with a progress bar)."""
    from pathlib import Path

    if input_dir is not None or output_dir is not None:
        if input_dir is None or output_dir is None:
            raise click.UsageError("--input-dir and --output-dir go together")
        if inputs or output is not None:
            raise click.UsageError("give either INPUTS [-o PATH] or --input-dir/--output-dir, not both")
        sys.exit(_batch(input_dir, output_dir, _formats_arg(to), from_=from_, force=force, created=created,
                        provider=provider, base_iri=base_iri, ninjs_version=ninjs_version, max_bytes=max_bytes,
                        strict=strict, quiet=quiet, verbose=verbose, color=color, keep_dirs=keep_dirs, jobs=jobs,
                        include=include, exclude=exclude, resume=resume, dask_address=dask_address,
                        chunk_size=chunk_size))
    batch_only = [n for n, v in (("--keep-dirs", keep_dirs), ("--jobs", jobs), ("--include", include),
                                 ("--exclude", exclude), ("--resume", resume), ("--dask", dask_address),
                                 ("--chunk-size", chunk_size)) if v]
    if batch_only:
        raise click.UsageError(f"{batch_only[0]} needs --input-dir and --output-dir")

    from .api import read, read_bytes_from, read_stream
    from .readers import guess_format
    from .decode import DEFAULT_MAX_BYTES
    from .errors import NewsconvError
    from .fsio import atomic_write
    from .options import WriteOptions
    from .writers import WRITERS, write

    formats = _formats_arg(to)
    if not inputs:
        raise click.UsageError("give at least one input file (or '-' for stdin)")
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    options = WriteOptions(created=created, provider=provider, base_iri=base_iri, ninjs_version=ninjs_version)
    to_dir = output not in (None, "-") and (len(inputs) > 1 or len(formats) > 1 or Path(output).is_dir())
    if output not in (None, "-") and not to_dir and len(formats) == 1 and to == "json":
        # infer the format from the output suffix when -t was left at its default
        for name, info in WRITERS.items():
            if output.endswith(info.suffix) and name in _writer_names():
                formats = [name]
    use_color = _use_color(color, sys.stderr)
    status = EXIT_OK
    for src in inputs:
        name = "<stdin>" if src == "-" else src
        try:
            data = read_stream(sys.stdin.buffer, limit, "<stdin>") if src == "-" else read_bytes_from(src, limit)
            fmt_in = from_ or guess_format(name, data)
            extra = {"max_bytes": limit} if fmt_in == "text" else {}
            parsed = read(data, name, fmt=fmt_in, **extra)
        except NewsconvError as exc:
            render_messages([m.with_file(name) for m in exc.messages], color=use_color)
            status = max(status, EXIT_INVALID)
            continue
        # every message names the input as the user gave it (readers record only its base name)
        render_messages([m.with_file(name) for m in parsed.messages], color=use_color, quiet=quiet,
                        verbose=verbose)
        if strict and parsed.warnings:
            status = max(status, EXIT_INVALID)
        for fmt in formats:
            info = WRITERS[fmt]
            result = write(parsed.value, fmt, options)
            render_messages([m.with_file(name) for m in result.messages], color=use_color, quiet=quiet,
                            verbose=verbose)
            if result.errors or (strict and result.warnings):
                status = max(status, EXIT_INVALID)
            try:
                if output in (None, "-"):
                    if info.binary and sys.stdout.isatty():
                        from . import messages

                        render_messages([messages.make("NC802", fmt=fmt)], color=use_color)
                        status = max(status, EXIT_USAGE)
                        continue
                    sys.stdout.buffer.write(result.value)
                    sys.stdout.flush()
                elif to_dir:
                    folder = Path(output)
                    folder.mkdir(parents=True, exist_ok=True)
                    stem = "stdin" if src == "-" else _stem(Path(src).name)
                    atomic_write(folder / f"{stem}{info.suffix}", result.value, force=force)
                else:
                    atomic_write(output, result.value, force=force)
            except NewsconvError as exc:
                render_messages(exc.messages, color=use_color)
                status = max(status, EXIT_IO)
    sys.exit(status)


def _batch(input_dir, output_dir, formats, *, from_, force, created, provider, base_iri, ninjs_version, max_bytes,
           strict, quiet, verbose, color, keep_dirs, jobs, include, exclude, resume, dask_address, chunk_size) -> int:
    """`convert --input-dir`: call convert.batch, show progress, render the summary, pick the exit code."""
    import contextlib

    from . import messages
    from .batch import DEFAULT_CHUNK_SIZE, BatchError, convert_many, count_inputs, dask_executor, iter_inputs
    from .decode import DEFAULT_MAX_BYTES
    from .errors import NewsconvError
    from .options import WriteOptions
    from .progress import Progress

    use_color = _use_color(color, sys.stderr)
    walk = dict(include=include, exclude=exclude, skip=[output_dir])
    progress = Progress(stream=sys.stderr, enabled=False if quiet else None)
    if progress.enabled:
        progress.total = count_inputs(input_dir, **walk)
    inputs = iter_inputs(input_dir, **walk)
    first = next(inputs, None)
    if first is None:
        render_messages([messages.make("NC854", file=input_dir, target=input_dir,
                                       patterns=", ".join(include or ("*.txt", "*.text")))], color=use_color)
        return EXIT_INVALID
    import itertools

    options = WriteOptions(created=created, provider=provider, base_iri=base_iri, ninjs_version=ninjs_version)
    dask = dask_executor(dask_address, jobs) if dask_address else None
    try:
        with dask if dask else contextlib.nullcontext(None) as executor:
            workers = dask.workers() if dask else jobs
            summary = convert_many(
                itertools.chain([first], inputs), output_dir, formats, root=input_dir, keep_dirs=keep_dirs,
                options=options, from_=from_, max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
                strict=strict, resume=resume, force=force, jobs=workers, executor=executor,
                chunk_size=chunk_size or (2 * DEFAULT_CHUNK_SIZE if dask else DEFAULT_CHUNK_SIZE),
                max_in_flight=4 * workers if dask else None, progress=progress.update)
    except BatchError as exc:
        progress.close()
        render_messages(exc.messages, color=use_color)
        return EXIT_IO if any(m.code == "NC852" for m in exc.messages) else EXIT_INVALID
    except NewsconvError as exc:
        progress.close()
        render_messages(exc.messages, color=use_color)
        return EXIT_IO
    progress.close()
    render_messages(summary.messages, color=use_color, quiet=quiet, verbose=verbose)
    for key, errors in summary.failures:
        if errors:
            render_messages(errors, color=use_color, verbose=verbose)
        else:
            click.echo(f"{key}: failed", err=True)
    if summary.failed > len(summary.failures):
        click.echo(f"... and {summary.failed - len(summary.failures)} more failures (see the manifest)", err=True)
    if not quiet or not summary.ok:
        click.echo(summary.text() + f"; manifest: {summary.manifest}", err=True)
    if summary.interrupted:
        return 130
    return EXIT_OK if summary.ok else EXIT_INVALID


def _stem(filename: str) -> str:
    """`article.txt` -> `article`; `a.model.json` -> `a`; `a.newsml.xml` -> `a`."""
    from .readers import READERS

    lower = filename.lower()
    for info in sorted(READERS.values(), key=lambda i: -max(len(s) for s in i.suffixes)):
        for suffix in sorted(info.suffixes, key=len, reverse=True):
            if lower.endswith(suffix):
                return filename[: -len(suffix)]
    return filename.rsplit(".", 1)[0] if "." in filename else filename


VALIDATE_EPILOG = (
    "Exit codes: 0 nothing wrong; 1 errors found (or warnings with --strict); 2 usage error "
    "(bad option, unknown code or format, bad [tool.newsconv] configuration). --exit-zero "
    "reports without failing. Settings are read from [tool.newsconv] in the nearest "
    "pyproject.toml (options given here take precedence). With GITHUB_ACTIONS=true the "
    "report format defaults to github."
)


def _split_codes(values) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


@main.command("validate", epilog=VALIDATE_EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-f", "--from", "from_", default=None, metavar="FORMAT",
              help="Input format for every file: text, json, newsml, jsonld, docx, ninjs, nitf "
                   "(default: from each file's suffix, else its content).")
@click.option("--format", "report_format", type=click.Choice(["text", "json", "junit", "github", "sarif"]),
              default=None, help="Report format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("--output-file", "output_file", default=None, type=click.Path(dir_okay=False),
              help="Write the report to this file instead of stdout (the text report then goes to stderr).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Report only these codes; prefixes select ranges (NC3 = NC3xx). Comma-separated, repeatable.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Do not report these codes (prefixes too); the more specific of --select/--ignore wins.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Files to check inside folders (repeatable; default: the suffixes newsconv reads).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Files or folders to skip inside folders (repeatable; added to .*, __pycache__, node_modules).")
@click.option("--xsd", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Also validate NewsML-G2 files against this XML Schema (the official NewsML-G2 XSD).")
@click.option("--config", "config_path", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Read settings from this TOML file instead of the nearest pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--strict", is_flag=True, default=None, help="Exit 1 when any warning is reported.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found (report-only runs).")
@click.option("--max-bytes", type=int, default=None, envvar="NEWSCONV_MAX_BYTES",
              help="Refuse inputs larger than this many bytes (default 20 MiB).")
@click.option("-q", "--quiet", count=True, help="Only report errors (-qq: no summary line either).")
@click.option("-v", "--verbose", count=True, help="Also print fix hints.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report (auto: when stderr is a terminal and NO_COLOR is unset).")
def validate_cmd(paths, from_, report_format, output_file, select, ignore, include, exclude, xsd, config_path,
                 isolated, strict, exit_zero, max_bytes, quiet, verbose, color) -> None:
    """Validate articles and exports; report every problem of every file with its place.

    PATHS are files, folders (searched recursively) or '-' for stdin. Plain-text articles, model
    JSON, NewsML-G2, JSON-LD and DOCX are told apart by suffix, else by content."""
    from .config import Config, ConfigError, load_config
    from .decode import DEFAULT_MAX_BYTES
    from .reports import render, summary
    from .validation import FORMATS, ValidateOptions, check_selectors, validate_paths

    if from_ is not None and from_ not in FORMATS:
        raise click.BadParameter(f"unknown format {from_!r}; valid formats: {', '.join(FORMATS)}",
                                 param_hint="'-f' / '--from'")
    try:
        config = Config() if isolated else load_config(config_path)
    except ConfigError as exc:
        render_messages(exc.messages, color=_use_color(color, sys.stderr))
        sys.exit(EXIT_USAGE)
    render_messages(config.notes, color=_use_color(color, sys.stderr))
    chosen_select = _split_codes(select) or config.select or ()
    chosen_ignore = tuple(config.ignore) + _split_codes(ignore)
    bad = check_selectors(chosen_select + chosen_ignore)
    if bad is not None:
        raise click.BadParameter(f"{bad!r} matches no message code (see the README's Message codes table)",
                                 param_hint="'--select' / '--ignore'")
    strict = bool(strict if strict is not None else config.strict)
    fmt = report_format or config.format
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    options = ValidateOptions(
        fmt=from_,
        xsd=xsd or config.xsd,
        select=chosen_select,
        ignore=chosen_ignore,
        include=tuple(include) or config.include or ValidateOptions().include,
        exclude=tuple(config.exclude) + tuple(exclude),
        max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
    )
    reports = validate_paths(paths, options)
    failed = any(r.failed(strict) for r in reports)
    use_color = _use_color(color, sys.stderr)
    if output_file is not None:
        from .errors import NewsconvError
        from .fsio import atomic_write

        text = render(fmt, reports, strict=strict, root=os.getcwd())
        try:
            atomic_write(output_file, text.encode("utf-8"), force=True)
        except NewsconvError as exc:
            render_messages(exc.messages, color=use_color)
            sys.exit(EXIT_IO)
        sys.stderr.write(render("text", reports, strict=strict, color=use_color, quiet=quiet, verbose=verbose))
    elif fmt == "text":
        # people read it; stdout stays free for pipes, as with `convert`
        sys.stderr.write(render("text", reports, strict=strict, color=use_color, quiet=quiet, verbose=verbose))
    else:
        # a machine format owns stdout; the one human line goes to stderr
        sys.stdout.write(render(fmt, reports, strict=strict, quiet=quiet, root=os.getcwd()))
        sys.stdout.flush()
        if fmt != "github" and quiet < 2:
            sys.stderr.write(summary(reports, strict) + "\n")
    sys.exit(EXIT_INVALID if failed and not exit_zero else EXIT_OK)


@main.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the model (Draft 2020-12)."""
    from .schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command("formats")
@click.option("--input", "inputs", is_flag=True, help="List the input formats instead.")
@click.option("-v", "--verbose", is_flag=True, help="Show each format's suffix and description.")
def formats_cmd(inputs: bool, verbose: bool) -> None:
    """List the output formats (or, with --input, the input formats), one per line."""
    if inputs:
        from .readers import available as readers

        for name, info in readers().items():
            click.echo(f"{name}\t{', '.join(info.suffixes)}\t{info.description}" if verbose else name)
        return
    from .writers import available as writers

    for name, info in writers().items():
        click.echo(f"{name}\t{info.suffix}\t{info.description}" if verbose else name)


if __name__ == "__main__":  # pragma: no cover
    main()
