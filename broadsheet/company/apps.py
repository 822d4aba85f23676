from django.apps import AppConfig


class CompanyConfig(AppConfig):
    name = "broadsheet.company"
    label = "company"
