"""The dependency record: which objects and lists each baked URL showed."""

from django.db import models


class BakedDependency(models.Model):
    """One baked URL depends on one key (see ``record``).

    Keys name an object (``page:12``, ``people.person:3``), a list whose
    newest stories the URL shows (``list:section:5``, ``list:site``) or a
    fragment rendered once per bake (``fragment:nav``).
    """

    url = models.CharField(max_length=1000)
    key = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["key"]), models.Index(fields=["url"])]
        verbose_name_plural = "baked dependencies"

    def __str__(self) -> str:
        return f"{self.url} <- {self.key}"
