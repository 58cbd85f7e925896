terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket         = "acme-terraform-state-111122223333"
    key            = "envs/prod/service-0/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Environment = var.environment
      Service     = var.service_name
      Owner       = "team-payments"
      ManagedBy   = "terraform"
      Repository  = "acme/infrastructure"
    }
  }
}

provider "aws" {
  alias  = "replica"
  region = "us-west-2"

  default_tags {
    tags = {
      Environment = var.environment
      Service     = var.service_name
      Owner       = "team-payments"
    }
  }
}
