FROM python:3.12-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install . && useradd --create-home --uid 10001 portal
COPY --chown=portal:portal . .
RUN DEBUG=1 python manage.py collectstatic --no-input && mkdir -p /data/media && chown -R portal:portal /data
USER portal
ENV MEDIA_ROOT=/data/media STATIC_ROOT=/app/var/staticfiles
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
